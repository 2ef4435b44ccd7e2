import type { ReactNode } from 'react';
import type { ApiEvent, FullTraceAnalysis } from '../api/types';
import { EventDetails } from './event-details';

/**
 * A trace view that, once an event is selected, splits to show that event's details beside it; closing
 * the details clears the selection.
 */
export function EventSplit({
  trace,
  selected,
  select,
  children,
}: {
  trace: FullTraceAnalysis;
  selected: ApiEvent | undefined;
  select: (id: string | null) => void;
  children: ReactNode;
}) {
  return (
    <div className={selected ? 'split' : 'page-fill'} style={{ flex: 1, minHeight: 0 }}>
      {children}
      {selected && (
        <EventDetails
          event={selected}
          trace={trace}
          onClose={() => select(null)}
          onSelect={select}
        />
      )}
    </div>
  );
}
