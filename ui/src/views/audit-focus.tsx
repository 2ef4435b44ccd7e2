import type { VariableAccess } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { ValueChange } from '../components/value-change';
import { isWriteAccess } from '../model/event-kind';
import { accessFocus, type AccessLink, type RacePairs } from '../model/access-focus';
import { formatClockTime } from '../model/format';

const LINK_TEXT: Record<AccessLink, string> = {
  ordered: 'happens-before',
  race: 'RACE: unordered',
  unordered: 'concurrent, no race',
};

/** The audit trail, the step on it, its racing pairs and how to move to another access. */
interface FocusProps {
  accesses: readonly VariableAccess[];
  step: number;
  pairs: RacePairs;
  go: (index: number) => void;
}

/** Spec §6.3 "Focus": the current access between its previous and next access, and its race partners. */
export function AuditFocus({ accesses, step, pairs, go }: FocusProps) {
  const focus = accessFocus(accesses, step, pairs);
  if (!focus) return null;
  return (
    <div className="page" style={{ padding: 0 }} data-testid="audit-focus">
      <div className="focus-row">
        {focus.previous ? (
          <AccessSummary
            title="Previous"
            index={focus.previous.index}
            access={focus.previous.access}
            onOpen={go}
          />
        ) : (
          <div className="focus-none muted">First access</div>
        )}
        <FocusLink link={focus.previous?.link} testId="focus-link-previous" />
        <AccessSummary title="Current" index={focus.index} access={focus.current} current />
        <FocusLink link={focus.next?.link} testId="focus-link-next" />
        {focus.next ? (
          <AccessSummary
            title="Next"
            index={focus.next.index}
            access={focus.next.access}
            onOpen={go}
          />
        ) : (
          <div className="focus-none muted">Last access</div>
        )}
      </div>
      <section className="panel" aria-label="Races of this access">
        <h3>
          Races of access #{focus.index + 1}
          {focus.current.race_partner_count > 0 && (
            <span className="muted"> · {focus.current.race_partner_count} in all</span>
          )}
        </h3>
        {focus.racesWith.length === 0 ? (
          <div className="muted">No access races with this one.</div>
        ) : (
          <ul className="plain-list" data-testid="focus-races">
            {focus.racesWith.map((r) => (
              <li key={r.access.event_id}>
                <span className={`badge ${r.severity}`}>{r.severity}</span>{' '}
                <button onClick={() => go(r.index)}>#{r.index + 1}</button> {r.access.access_type}{' '}
                by <span className="mono">{r.access.thread_id}</span> at{' '}
                <span className="mono">{r.access.location || '?'}</span>
              </li>
            ))}
          </ul>
        )}
        {focus.unlisted > 0 && (
          <div className="muted" data-testid="focus-races-unlisted">
            and {focus.unlisted} more the collector counted but did not list (it names up to 20 per
            access).
          </div>
        )}
      </section>
    </div>
  );
}

/** The current access's racing partners as links to step to, for the debugger's summary line. */
export function RacePartnerLinks({ accesses, step, pairs, go }: FocusProps) {
  const focus = accessFocus(accesses, step, pairs);
  if (!focus || focus.current.race_partner_count === 0) return null;
  return (
    <strong className="danger-text" data-testid="audit-current-races">
      {' '}
      — races with{' '}
      {focus.racesWith.map((r, k) => (
        <span key={r.access.event_id}>
          {k > 0 && ', '}
          <button onClick={() => go(r.index)}>#{r.index + 1}</button>
        </span>
      ))}
      {focus.unlisted > 0 && ` and ${focus.unlisted} more`}
    </strong>
  );
}

function FocusLink({ link, testId }: { link: AccessLink | undefined; testId: string }) {
  if (!link) return <div className="focus-link" />;
  return (
    <div className={`focus-link ${link}`} data-testid={testId}>
      <span className="arrow">→</span>
      <span className="small">{LINK_TEXT[link]}</span>
    </div>
  );
}

function AccessSummary({
  title,
  index,
  access,
  current = false,
  onOpen,
}: {
  title: string;
  index: number;
  access: VariableAccess;
  current?: boolean;
  onOpen?: (index: number) => void;
}) {
  return (
    <section
      className={`access-card${current ? ' current' : ''}`}
      aria-label={`${title} access`}
      data-testid={`focus-${title.toLowerCase()}`}
    >
      <h2>
        {title} <span className="muted">#{index + 1}</span>{' '}
        <span className={`badge ${isWriteAccess(access.access_type) ? 'warning' : 'info'}`}>
          {access.access_type}
        </span>
        {access.is_race && <span className="badge danger">RACE</span>}
      </h2>
      <ValueChange access={access} />
      <dl className="kv">
        <dt>Service</dt>
        <dd>
          <ServiceBadge name={access.service_name} />
        </dd>
        <dt>Thread</dt>
        <dd className="mono">{access.thread_id}</dd>
        <dt>Location</dt>
        <dd className="mono">{access.location || '—'}</dd>
        <dt>Time</dt>
        <dd className="mono">{formatClockTime(access.timestamp)}</dd>
        <dt>Locks held</dt>
        <dd className="mono">{access.locks_held.length ? access.locks_held.join(', ') : 'none'}</dd>
      </dl>
      {onOpen && (
        <button onClick={() => onOpen(index)} style={{ marginTop: 8 }}>
          Focus #{index + 1}
        </button>
      )}
    </section>
  );
}
