import { Link } from 'react-router';
import { useDistributedEdges, useServiceHealth, useServices } from '../api/queries';
import { QueryState } from '../components/query-state';
import { ServiceBadge } from '../components/service-badge';
import { timeAgo } from '../model/format';
import { ServiceDependencyGraph } from '../views/service-dependency-graph';

export function ServicesPage() {
  const services = useServices();
  const edges = useDistributedEdges();
  const health = useServiceHealth();
  const statusOf = new Map((health.data ?? []).map((h) => [h.name, h]));
  const now = Date.now();
  return (
    <div className="page">
      <h1>Services</h1>
      <section className="panel" aria-label="Dependency graph">
        <h3>Dependency graph</h3>
        <QueryState query={edges} label="service edges">
          {(data) => (
            <ServiceDependencyGraph
              edges={data.edges}
              services={services.data?.services.map((s) => s.name) ?? []}
            />
          )}
        </QueryState>
      </section>
      <section className="panel flush" aria-label="Services">
        <QueryState query={services} label="services">
          {(data) => (
            <table className="data" data-testid="services-table">
              <thead>
                <tr>
                  <th>Service</th>
                  <th>Health</th>
                  <th>Events</th>
                  <th>Traces</th>
                  <th>Last activity</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.services.map((s) => {
                  const h = statusOf.get(s.name);
                  return (
                    <tr key={s.name}>
                      <td>
                        <ServiceBadge name={s.name} />
                      </td>
                      <td>
                        {h ? (
                          <span className={`badge ${h.status}`}>{h.status}</span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td>{s.event_count}</td>
                      <td>{s.trace_count}</td>
                      <td className="muted">
                        {s.last_activity
                          ? timeAgo(s.last_activity, now)
                          : h
                            ? timeAgo(h.last_activity, now)
                            : '—'}
                      </td>
                      <td>
                        <Link to={`/traces?service=${encodeURIComponent(s.name)}`}>Traces</Link>
                      </td>
                    </tr>
                  );
                })}
                {data.services.length === 0 && (
                  <tr>
                    <td colSpan={6} className="empty">
                      No services yet.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
    </div>
  );
}
