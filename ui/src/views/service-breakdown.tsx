import type { CriticalPathResponse } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { formatDuration } from '../model/format';

/** Share of the critical path per service (and per operation when the collector provides it). */
export function ServiceBreakdown({ path }: { path: CriticalPathResponse }) {
  const byService = path.by_service ?? [];
  const byOperation = path.by_operation ?? [];
  return (
    <div className="grid-2">
      <section className="panel" aria-label="Critical path by service">
        <h3>Critical path by service</h3>
        {byService.length === 0 && <div className="muted">No per-service breakdown.</div>}
        {byService.map((s) => (
          <div key={s.service} className="bar-row">
            <ServiceBadge name={s.service} />
            <div className="bar-bg">
              <div className="bar-fill" style={{ width: `${Math.min(100, s.percentage)}%` }} />
            </div>
            <span className="small">
              {formatDuration(s.duration_ms)} · {s.percentage.toFixed(0)}%
            </span>
          </div>
        ))}
      </section>
      <section className="panel" aria-label="Critical path by operation">
        <h3>Critical path by operation</h3>
        {byOperation.length === 0 && <div className="muted">No per-operation breakdown.</div>}
        {byOperation.slice(0, 12).map((o) => (
          <div key={o.operation} className="bar-row">
            <span className="cell mono small" title={o.operation}>
              {o.operation}
            </span>
            <div className="bar-bg">
              <div className="bar-fill" style={{ width: `${Math.min(100, o.percentage)}%` }} />
            </div>
            <span className="small">
              {formatDuration(o.duration_ms)} · {o.percentage.toFixed(0)}%
            </span>
          </div>
        ))}
      </section>
    </div>
  );
}
