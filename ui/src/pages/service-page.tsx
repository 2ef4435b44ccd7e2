import { Link, NavLink, useParams } from 'react-router';
import { useServiceDependencies, useServiceHealth, useServiceTraces } from '../api/queries';
import type { ServiceCall } from '../api/types';
import { QueryState } from '../components/query-state';
import { ServiceBadge } from '../components/service-badge';
import { StatCard } from '../components/stat-card';
import { formatDuration, timeAgo } from '../model/format';
import { ServicePerformanceView } from '../views/service-performance-view';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'performance', label: 'Performance' },
] as const;

function CallTable({
  calls,
  title,
  nameOf,
}: {
  calls: ServiceCall[];
  title: string;
  nameOf: (c: ServiceCall) => string;
}) {
  return (
    <section className="panel" aria-label={title}>
      <h3>{title}</h3>
      {calls.length === 0 ? (
        <div className="muted">None.</div>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Service</th>
              <th>Calls</th>
              <th>Traces</th>
              <th>Errors</th>
              <th>p50</th>
              <th>p95</th>
              <th>p99</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={nameOf(c)}>
                <td>
                  <ServiceBadge name={nameOf(c)} />
                </td>
                <td>{c.total_calls}</td>
                <td>{c.trace_count}</td>
                <td>{c.error_count ?? '—'}</td>
                <td>{c.p50_ms !== undefined ? formatDuration(c.p50_ms) : '—'}</td>
                <td>{c.p95_ms !== undefined ? formatDuration(c.p95_ms) : '—'}</td>
                <td>{c.p99_ms !== undefined ? formatDuration(c.p99_ms) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One service: health, upstream and downstream calls with latency, its traces; and its performance. */
export function ServicePage() {
  const { serviceName = '', tab } = useParams();
  const current = TABS.find((t) => t.id === tab)?.id ?? 'overview';
  const health = useServiceHealth();
  const h = health.data?.find((s) => s.name === serviceName);
  const base = `/services/${encodeURIComponent(serviceName)}`;
  return (
    <div className="page-fill">
      <div
        className="panel"
        style={{ borderRadius: 0, borderWidth: '0 0 1px 0', boxShadow: 'none' }}
      >
        <div className="row">
          <Link to="/services" className="muted">
            Services
          </Link>
          <span className="muted">/</span>
          <h1>{serviceName}</h1>
          {h && <span className={`badge ${h.status}`}>{h.status}</span>}
        </div>
      </div>
      <nav className="tabs" aria-label="Service views">
        {TABS.map((t) => (
          <NavLink key={t.id} to={`${base}/${t.id}`} className={t.id === current ? 'active' : ''}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <div className="page" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        {current === 'overview' ? (
          <ServiceOverview serviceName={serviceName} />
        ) : (
          <ServicePerformanceView service={serviceName} />
        )}
      </div>
    </div>
  );
}

function ServiceOverview({ serviceName }: { serviceName: string }) {
  const traces = useServiceTraces(serviceName);
  const deps = useServiceDependencies(serviceName);
  const health = useServiceHealth();
  const h = health.data?.find((s) => s.name === serviceName);
  const now = Date.now();
  return (
    <>
      <div className="stats">
        <StatCard label="Traces" value={traces.data?.total_traces ?? '—'} />
        <StatCard label="Avg events / trace" value={h ? h.avg_events_per_trace.toFixed(1) : '—'} />
        <StatCard label="Last activity" value={h ? timeAgo(h.last_activity, now) : '—'} />
      </div>
      <QueryState query={deps} label="dependencies">
        {(data) => (
          <div className="grid-2">
            <CallTable
              title="Called by (upstream)"
              calls={data.called_by}
              nameOf={(c) => ('from' in c && typeof c.from === 'string' ? c.from : c.to)}
            />
            <CallTable title="Calls (downstream)" calls={data.calls_to} nameOf={(c) => c.to} />
          </div>
        )}
      </QueryState>
      <section className="panel flush" aria-label="Traces of this service">
        <QueryState query={traces} label="traces">
          {(data) => (
            <table className="data">
              <thead>
                <tr>
                  <th>Trace</th>
                  <th>Events</th>
                  <th>Services</th>
                  <th>Last activity</th>
                </tr>
              </thead>
              <tbody>
                {data.traces.map((t) => (
                  <tr key={t.trace_id}>
                    <td className="mono">
                      <Link to={`/traces/${t.trace_id}`}>{t.trace_id}</Link>
                    </td>
                    <td>{t.event_count}</td>
                    <td>
                      {t.services.map((s) => (
                        <ServiceBadge key={s} name={s} />
                      ))}
                    </td>
                    <td className="muted">{timeAgo(t.last_timestamp, now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
    </>
  );
}
