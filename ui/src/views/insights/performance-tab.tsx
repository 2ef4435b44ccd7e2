import { Link } from 'react-router';
import { usePerformance } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { ServiceBadge } from '../../components/service-badge';
import { StatCard } from '../../components/stat-card';
import { formatDuration } from '../../model/format';

export function PerformanceTab() {
  const perf = usePerformance();
  return (
    <QueryState query={perf} label="performance metrics">
      {(data) => (
        <div className="page" style={{ padding: 0 }}>
          <div className="stats">
            <StatCard label="Trace avg" value={formatDuration(data.trace_latency.avg_ms)} />
            <StatCard label="p50" value={formatDuration(data.trace_latency.p50_ms)} />
            <StatCard label="p95" value={formatDuration(data.trace_latency.p95_ms)} />
            <StatCard label="p99" value={formatDuration(data.trace_latency.p99_ms)} />
            <StatCard label="Events / s" value={data.throughput.events_per_second.toFixed(1)} />
            <StatCard label="Traces / s" value={data.throughput.traces_per_second.toFixed(2)} />
          </div>
          <div className="grid-3">
            <section className="panel flush" aria-label="Slowest traces">
              <div style={{ padding: '8px 10px' }}>
                <h3>Slowest traces</h3>
              </div>
              <table className="data">
                <tbody>
                  {data.trace_latency.slowest_traces.map((t) => (
                    <tr key={t.trace_id}>
                      <td className="mono">
                        <Link to={`/traces/${t.trace_id}/critical-path`}>
                          {t.trace_id.slice(0, 8)}
                        </Link>
                      </td>
                      <td>{formatDuration(t.duration_ms)}</td>
                      <td>
                        {t.services.map((s) => (
                          <ServiceBadge key={s} name={s} />
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="panel flush" aria-label="Event types">
              <div style={{ padding: '8px 10px' }}>
                <h3>Event types</h3>
              </div>
              <table className="data">
                <thead>
                  <tr>
                    <th>Type</th>
                    <th>Count</th>
                    <th>Avg</th>
                  </tr>
                </thead>
                <tbody>
                  {data.event_performance.by_type.map((t) => (
                    <tr key={t.type}>
                      <td className="mono">{t.type}</td>
                      <td>{t.count}</td>
                      <td>{formatDuration(t.avg_duration_ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="panel flush" aria-label="Service latency">
              <div style={{ padding: '8px 10px' }}>
                <h3>Service latency</h3>
              </div>
              <table className="data">
                <thead>
                  <tr>
                    <th>Service</th>
                    <th>Events</th>
                    <th>Avg</th>
                  </tr>
                </thead>
                <tbody>
                  {data.service_latency.map((s) => (
                    <tr key={s.service}>
                      <td>
                        <ServiceBadge name={s.service} />
                      </td>
                      <td>{s.event_count}</td>
                      <td>{formatDuration(s.avg_duration_ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </div>
      )}
    </QueryState>
  );
}
