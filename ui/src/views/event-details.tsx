import { Link } from 'react-router';
import type { ApiEvent, FullTraceAnalysis } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { contextOf, durationMs, eventLabel, eventLocation, kindName } from '../model/event-kind';
import { formatClock, formatDuration } from '../model/format';
import { eventRaces } from '../model/race-partners';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

/** Right-hand sidebar for the selected event: identity, payload, metadata, computed clock and locks. */
export function EventDetails({
  event,
  trace,
  onClose,
  onSelect,
}: {
  event: ApiEvent;
  trace: FullTraceAnalysis;
  onClose: () => void;
  onSelect: (id: string) => void;
}) {
  const payload = Object.values(event.kind)[0] as unknown;
  const races = eventRaces(trace, event.id);
  const locks = event.locks_held ?? event.lock_set;
  return (
    <aside className="sidebar" aria-label="Event details" data-testid="event-details">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>
          <span className="badge">{kindName(event.kind)}</span> {eventLabel(event)}
        </h2>
        <button onClick={onClose} aria-label="Close details" title="Close (Esc)">
          ×
        </button>
      </div>
      {races && (
        <div className="error-box" style={{ marginBottom: 8 }} data-testid="event-races">
          Races with{' '}
          {countNoun(races.partners.length + races.unlisted, 'other access', 'other accesses')} on{' '}
          <Link
            to={`/traces/${trace.trace_id}/variables?variable=${encodeURIComponent(races.variable)}&mode=focus&access=${races.index}`}
          >
            {races.variable}
          </Link>
          :
          <ul className="plain-list">
            {races.partners.map(({ index, access }) => (
              <li key={access.event_id}>
                <a
                  href={`#${access.event_id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onSelect(access.event_id);
                  }}
                >
                  #{index + 1} {access.access_type} by {access.thread_id}
                </a>{' '}
                <span className="mono small">{access.location}</span>
              </li>
            ))}
          </ul>
          {races.unlisted > 0 && <div>and {races.unlisted} more not listed</div>}
        </div>
      )}
      <dl className="kv">
        <dt>ID</dt>
        <dd className="mono">{event.id}</dd>
        <dt>Parent</dt>
        <dd className="mono">
          {event.parent_id ? (
            <a
              href="#parent"
              onClick={(e) => {
                e.preventDefault();
                onSelect(event.parent_id as string);
              }}
            >
              {event.parent_id}
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt>Timestamp</dt>
        <dd className="mono">{event.timestamp}</dd>
        <dt>Location</dt>
        <dd className="mono">{eventLocation(event) || '—'}</dd>
        <dt>Service</dt>
        <dd>
          <ServiceBadge name={event.metadata.service_name} />
        </dd>
        <dt>Thread</dt>
        <dd className="mono">{event.metadata.thread_id}</dd>
        <dt>Context</dt>
        <dd className="mono">{contextOf(event)}</dd>
        <dt>Process</dt>
        <dd>
          {event.metadata.process_id}
          {event.metadata.instance_id ? ` · ${event.metadata.instance_id}` : ''}
        </dd>
        <dt>Environment</dt>
        <dd>{event.metadata.environment}</dd>
        <dt>Duration</dt>
        <dd>{durationMs(event) ? formatDuration(durationMs(event)) : '—'}</dd>
        <dt>Locks held</dt>
        <dd className="mono">{locks.length ? locks.join(', ') : 'none'}</dd>
        <dt>Clock</dt>
        <dd className="mono">{event.clock ? formatClock(event.clock) : '—'}</dd>
        <dt>SDK vector</dt>
        <dd className="mono">
          {event.causality_vector.length ? formatClock(event.causality_vector) : '[]'}
        </dd>
        {event.metadata.distributed_span_id && (
          <>
            <dt>Span</dt>
            <dd className="mono">
              {event.metadata.distributed_span_id}
              {event.metadata.upstream_span_id ? ` ← ${event.metadata.upstream_span_id}` : ''}
            </dd>
          </>
        )}
      </dl>
      <h3 style={{ marginTop: 10 }}>Payload</h3>
      <pre className="json">{JSON.stringify(payload, null, 2)}</pre>
      {Object.keys(event.metadata.tags).length > 0 && (
        <>
          <h3>Tags</h3>
          <pre className="json">{JSON.stringify(event.metadata.tags, null, 2)}</pre>
        </>
      )}
    </aside>
  );
}
