import { useMemo } from 'react';
import type { FullTraceAnalysis } from '../api/types';
import { useSearchParam } from '../app/use-search-param';
import { EmptyState } from '../components/empty-state';
import { StatCard } from '../components/stat-card';
import { contextOf, eventTimeMs, lockOf } from '../model/event-kind';
import { formatDuration } from '../model/format';
import { lockContention } from '../model/lock-contention';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

/** Acquire/release per lock and context over time, contention metrics and recommendations. */
export function LocksView({ trace }: { trace: FullTraceAnalysis }) {
  const metrics = useMemo(() => {
    const inputs = trace.events.flatMap((e) => {
      const lock = lockOf(e);
      return lock
        ? [
            {
              id: e.id,
              lockId: lock.lock_id,
              context: contextOf(e),
              acquire: lock.acquire,
              timeMs: eventTimeMs(e),
            },
          ]
        : [];
    });
    return lockContention(inputs);
  }, [trace.events]);
  const [lockParam, setLock] = useSearchParam('lock');
  const lock =
    metrics.find((m) => m.lockId === lockParam) ??
    metrics.find((m) => m.contentionCount > 0) ??
    metrics[0];
  if (!lock)
    return (
      <EmptyState title="No lock events">
        This trace has no LockAcquire / LockRelease events.
      </EmptyState>
    );
  const start = Math.min(...trace.events.map(eventTimeMs));
  const end = Math.max(
    ...trace.events.map(eventTimeMs),
    ...lock.holds.map((h) => h.releasedMs ?? h.acquiredMs),
  );
  const span = Math.max(end - start, 0.001);
  return (
    <div className="page" data-testid="locks-view">
      <div className="row">
        <label className="row">
          Lock
          <select aria-label="Lock" value={lock.lockId} onChange={(e) => setLock(e.target.value)}>
            {metrics.map((m) => (
              <option key={m.lockId} value={m.lockId}>
                {m.lockId} ({countNoun(m.acquisitions, 'hold')}
                {m.contentionCount ? `, ${m.contentionCount} contended` : ''})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="stats">
        <StatCard label="Acquisitions" value={lock.acquisitions} />
        <StatCard label="Avg hold" value={formatDuration(lock.avgHoldMs)} />
        <StatCard label="Max hold" value={formatDuration(lock.maxHoldMs)} />
        <StatCard
          label="Contentions"
          value={lock.contentionCount}
          tone={lock.contentionCount ? 'warning' : undefined}
        />
        <StatCard label="Max wait" value={formatDuration(lock.maxWaitMs)} />
        <StatCard
          label="Unreleased"
          value={lock.unreleased}
          tone={lock.unreleased ? 'danger' : undefined}
        />
      </div>
      <section className="panel" aria-label="Holds per context">
        <h3>Holds per context</h3>
        {lock.contexts.map((ctx) => (
          <div key={ctx} className="tl-lane" style={{ minHeight: 24 }}>
            <div className="tl-label mono" title={ctx}>
              {ctx}
            </div>
            <div className="tl-track">
              {lock.holds
                .filter((h) => h.context === ctx)
                .map((h) => {
                  const left = ((h.acquiredMs - start) / span) * 100;
                  const width = (((h.releasedMs ?? end) - h.acquiredMs) / span) * 100;
                  return (
                    <div
                      key={`${h.acquiredMs}`}
                      className={`tl-bar${h.releasedMs === null ? ' race' : ''}`}
                      style={{ left: `${left}%`, width: `${Math.max(width, 0.5)}%`, top: 5 }}
                      title={
                        h.releasedMs === null
                          ? 'never released'
                          : formatDuration(h.releasedMs - h.acquiredMs)
                      }
                    />
                  );
                })}
            </div>
          </div>
        ))}
      </section>
      <div className="grid-2">
        <section className="panel" aria-label="Recommendations">
          <h3>Recommendations</h3>
          <ul className="reasons">
            {lock.recommendations.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-label="Contentions">
          <h3>Contentions</h3>
          {lock.contentions.length === 0 ? (
            <div className="muted">No context waited for this lock.</div>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th>Waiter</th>
                  <th>Holder</th>
                  <th>Wait</th>
                </tr>
              </thead>
              <tbody>
                {lock.contentions.map((c, i) => (
                  <tr key={i}>
                    <td className="mono">{c.waiter}</td>
                    <td className="mono">{c.holder}</td>
                    <td>{formatDuration(c.waitMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
