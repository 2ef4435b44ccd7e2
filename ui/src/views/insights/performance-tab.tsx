import { Link } from 'react-router';
import { usePerformance } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { ServiceBadge } from '../../components/service-badge';
import { StatCard } from '../../components/stat-card';
import { formatDuration } from '../../model/format';
import { TitledTable } from '../../components/titled-table';

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
            <TitledTable label="Slowest traces" title="Slowest traces">
              {data.trace_latency.slowest_traces.map((t) => (
                <tr key={t.trace_id}>
                  <td className="mono">
                    <Link to={`/traces/${t.trace_id}/critical-path`}>{t.trace_id.slice(0, 8)}</Link>
                  </td>
                  <td>{formatDuration(t.duration_ms)}</td>
                  <td>
                    {t.services.map((s) => (
                      <ServiceBadge key={s} name={s} />
                    ))}
                  </td>
                </tr>
              ))}
            </TitledTable>
            <TitledTable label="Event types" title="Event types" columns={['Type', 'Count', 'Avg']}>
              {data.event_performance.by_type.map((t) => (
                <tr key={t.type}>
                  <td className="mono">{t.type}</td>
                  <td>{t.count}</td>
                  <td>{formatDuration(t.avg_duration_ms)}</td>
                </tr>
              ))}
            </TitledTable>
            <TitledTable
              label="Service latency"
              title="Service latency"
              columns={['Service', 'Events', 'Avg']}
            >
              {data.service_latency.map((s) => (
                <tr key={s.service}>
                  <td>
                    <ServiceBadge name={s.service} />
                  </td>
                  <td>{s.event_count}</td>
                  <td>{formatDuration(s.avg_duration_ms)}</td>
                </tr>
              ))}
            </TitledTable>
          </div>
        </div>
      )}
    </QueryState>
  );
}
