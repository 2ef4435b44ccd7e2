import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { ApiEvent, FullTraceAnalysis } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { contextOf, eventLabel, eventLocation, kindName } from '../model/event-kind';
import { formatClockTime } from '../model/format';
import { EventSplit } from './event-split';
import { useSelectedEvent } from './use-selected-event';
import { racingEventIds } from '../model/race-partners';

const COLUMNS = '100px 130px 110px minmax(160px, 2fr) minmax(120px, 1fr) minmax(120px, 1fr)';

/** Every event in time order, virtualised so that a 10k-event trace scrolls smoothly. */
export function EventListView({ trace }: { trace: FullTraceAnalysis }) {
  const { selected, select } = useSelectedEvent(trace);
  const racing = useMemo(() => racingEventIds(trace), [trace]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: trace.events.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 30,
    overscan: 20,
  });
  const selectedIndex = selected ? trace.events.indexOf(selected) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <EventSplit trace={trace} selected={selected} select={select}>
      <div className="view-column">
        <div className="vhead" style={{ gridTemplateColumns: COLUMNS }}>
          <span>Time</span>
          <span>Service</span>
          <span>Kind</span>
          <span>Event</span>
          <span>Location</span>
          <span>Context</span>
        </div>
        <div ref={parent} className="vlist" data-testid="event-list">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const event = trace.events[item.index] as ApiEvent;
              return (
                <div
                  key={event.id}
                  className={`vrow${event === selected ? ' selected' : ''}${racing.has(event.id) ? ' race' : ''}`}
                  style={{ top: item.start, height: item.size, gridTemplateColumns: COLUMNS }}
                  onClick={() => select(event.id)}
                  data-event-id={event.id}
                >
                  <span className="cell mono">{formatClockTime(event.timestamp)}</span>
                  <span className="cell">
                    <ServiceBadge name={event.metadata.service_name} link={false} />
                  </span>
                  <span className="cell">
                    <span className="badge">{kindName(event.kind)}</span>
                  </span>
                  <span className="cell">{eventLabel(event)}</span>
                  <span className="cell mono muted">{eventLocation(event)}</span>
                  <span className="cell mono muted">{contextOf(event)}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </EventSplit>
  );
}
