import type { ApiEvent, RaceAccess } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { ValueChange } from '../components/value-change';
import { isWriteAccess } from '../model/event-kind';
import { contextLabel } from '../model/context-label';
import { formatClock } from '../model/format';

/** One side of a race: who accessed what, where, with which value, holding which locks, at which clock. */
export function AccessCard({
  title,
  access,
  event,
}: {
  title: string;
  access: RaceAccess;
  event: ApiEvent | undefined;
}) {
  const writes = isWriteAccess(access.access_type);
  return (
    <section className="access-card" aria-label={title} data-testid="race-access">
      <h2>
        {title} <span className={`badge ${writes ? 'danger' : 'info'}`}>{access.access_type}</span>
      </h2>
      <ValueChange access={access} />
      <dl className="kv">
        <dt>Location</dt>
        <dd className="mono" data-testid="race-location">
          {access.location || '—'}
        </dd>
        <dt>Service</dt>
        <dd>
          <ServiceBadge name={access.service_name} />
        </dd>
        <dt>Thread</dt>
        <dd className="mono">{access.thread_id}</dd>
        <dt>Context</dt>
        <dd className="mono" title={access.context}>
          {contextLabel(access.context)}
        </dd>
        <dt>Time</dt>
        <dd className="mono">{access.timestamp}</dd>
        <dt>Locks held</dt>
        <dd className="mono">{access.locks_held.length ? access.locks_held.join(', ') : 'none'}</dd>
        <dt>Vector clock</dt>
        <dd className="mono">{access.clock.length ? formatClock(access.clock) : '—'}</dd>
        <dt>Event</dt>
        <dd className="mono small">
          {access.event_id}
          {event?.parent_id ? ` (parent ${event.parent_id.slice(0, 8)})` : ''}
        </dd>
      </dl>
    </section>
  );
}
