import { useMemo } from 'react';
import type { ApiEvent, FullTraceAnalysis } from '../api/types';
import { useKeyboard } from '../app/shortcuts';
import { useSearchParam } from '../app/use-search-param';

/** The event selected in a trace view, kept in `?event=` so a selection can be shared as a link. */
export function useSelectedEvent(trace: FullTraceAnalysis): {
  selected: ApiEvent | undefined;
  select: (id: string | null) => void;
  byId: Map<string, ApiEvent>;
} {
  const [eventId, setEventId] = useSearchParam('event');
  const byId = useMemo(() => new Map(trace.events.map((e) => [e.id, e])), [trace.events]);
  useKeyboard((key) => {
    if (key !== 'Escape' || !eventId) return false;
    setEventId(null);
    return true;
  });
  return { selected: eventId ? byId.get(eventId) : undefined, select: setEventId, byId };
}
