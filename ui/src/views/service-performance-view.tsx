import { Link } from 'react-router';
import { useServicePerformance } from '../api/queries';
import { QueryState } from '../components/query-state';
import { StatCard } from '../components/stat-card';
import { TitledTable } from '../components/titled-table';
import { formatClockTime, formatDuration, shortId } from '../model/format';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

/**
 * Spec §6.2 "Performance": the service's events by operation, as the collector computes them over every
 * trace it holds (one request).
 */
export function ServicePerformanceView({ service }: { service: string }) {
  const query = useServicePerformance(service);
  return (
    <QueryState query={query} label="service performance">
      {(perf) => (
        <div className="page" style={{ padding: 0 }} data-testid="service-performance">
          <p className="muted small" style={{ margin: 0 }}>
            Every event of {service} in the {countNoun(perf.trace_count, 'trace')} the collector
            holds. Durations are over the {countNoun(perf.timed_event_count, 'event')} that have
            one; failures are errors and 5xx responses.
          </p>
          <div className="stats" data-testid="service-performance-stats">
            <StatCard label="Events" value={perf.event_count} />
            <StatCard label="Traces" value={perf.trace_count} />
            <StatCard
              label="Failures"
              value={perf.error_count}
              tone={perf.error_count > 0 ? 'danger' : undefined}
            />
            <StatCard label="Avg duration" value={formatDuration(perf.latency.avg_ms)} />
            <StatCard label="p50" value={formatDuration(perf.latency.p50_ms)} />
            <StatCard label="p95" value={formatDuration(perf.latency.p95_ms)} />
            <StatCard label="p99" value={formatDuration(perf.latency.p99_ms)} />
            <StatCard
              label="Events / s"
              value={perf.events_per_second === null ? '—' : perf.events_per_second.toFixed(2)}
            />
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <TitledTable
              label="Operations"
              title={
                perf.operation_count > perf.operations.length
                  ? `Operations: the ${perf.operations.length} most frequent of ${perf.operation_count}`
                  : 'Operations'
              }
              columns={[
                'Operation',
                'Count',
                'Failures',
                'With duration',
                'Avg',
                'p50',
                'p95',
                'p99',
                'Max',
              ]}
            >
              {perf.operations.map((o) => (
                <tr key={o.operation}>
                  <td className="mono">{o.operation}</td>
                  <td>{o.count}</td>
                  <td className={o.error_count > 0 ? 'danger-text' : undefined}>{o.error_count}</td>
                  <td>{o.timed_count}</td>
                  <td className="num">{o.timed_count ? formatDuration(o.avg_ms) : '—'}</td>
                  <td className="num">{o.timed_count ? formatDuration(o.p50_ms) : '—'}</td>
                  <td className="num">{o.timed_count ? formatDuration(o.p95_ms) : '—'}</td>
                  <td className="num">{o.timed_count ? formatDuration(o.p99_ms) : '—'}</td>
                  <td className="num">{o.timed_count ? formatDuration(o.max_ms) : '—'}</td>
                </tr>
              ))}
            </TitledTable>
            <TitledTable
              label="Slowest events"
              title="Slowest events"
              columns={['Duration', 'Operation', 'Trace', 'Time']}
            >
              {perf.slowest_events.map((e) => (
                <tr key={`${e.trace_id}/${e.event_id}`}>
                  <td className="num">{formatDuration(e.duration_ms)}</td>
                  <td className="mono">
                    <Link
                      to={`/traces/${encodeURIComponent(e.trace_id)}/list?event=${encodeURIComponent(e.event_id)}`}
                    >
                      {e.operation}
                    </Link>
                  </td>
                  <td className="mono">
                    <Link to={`/traces/${encodeURIComponent(e.trace_id)}`}>
                      {shortId(e.trace_id)}
                    </Link>
                  </td>
                  <td className="mono muted">{formatClockTime(e.timestamp)}</td>
                </tr>
              ))}
            </TitledTable>
          </div>
        </div>
      )}
    </QueryState>
  );
}
