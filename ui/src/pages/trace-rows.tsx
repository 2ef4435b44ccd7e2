import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { TraceListRow } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { formatDuration, timeAgo } from '../model/format';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

const COLUMNS = '300px 70px minmax(160px, 1fr) 90px 110px';

/** The trace list body: virtualised rows, the keyboard selection kept in view. */
export function TraceRows({
  rows,
  selected,
  onOpen,
}: {
  rows: TraceListRow[];
  selected: number;
  onOpen: (id: string) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 34,
    overscan: 12,
  });
  const now = Date.now();
  useEffect(() => {
    virtualizer.scrollToIndex(selected);
  }, [selected, virtualizer]);
  return (
    <>
      <div className="vhead" style={{ gridTemplateColumns: COLUMNS }}>
        <span>Trace</span>
        <span>Events</span>
        <span>Services</span>
        <span>Duration</span>
        <span>Last activity</span>
      </div>
      <div ref={parent} className="vlist" data-testid="trace-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const trace = rows[item.index] as TraceListRow;
            const duration = Date.parse(trace.last_timestamp) - Date.parse(trace.first_timestamp);
            return (
              <div
                key={trace.trace_id}
                role="link"
                tabIndex={-1}
                className={`vrow${item.index === selected ? ' selected' : ''}`}
                style={{ top: item.start, height: item.size, gridTemplateColumns: COLUMNS }}
                onClick={() => onOpen(trace.trace_id)}
                data-trace-id={trace.trace_id}
              >
                <span className="cell mono">
                  <a href={`/traces/${trace.trace_id}`} onClick={(e) => e.preventDefault()}>
                    {trace.trace_id}
                  </a>
                </span>
                <span className="cell">
                  {trace.event_count}
                  {trace.race_count ? (
                    <span className="badge danger" title="racing pairs">
                      {countNoun(trace.race_count, 'race')}
                    </span>
                  ) : null}
                </span>
                <span className="cell">
                  {trace.services.slice(0, 4).map((s) => (
                    <ServiceBadge key={s} name={s} link={false} />
                  ))}{' '}
                  {trace.services.length > 4 && (
                    <span className="muted">+{trace.services.length - 4}</span>
                  )}
                </span>
                <span className="cell">{formatDuration(duration)}</span>
                <span className="cell muted" title={trace.last_timestamp}>
                  {timeAgo(trace.last_timestamp, now)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
