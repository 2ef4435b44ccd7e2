import { useSearchParam } from '../app/use-search-param';
import type { FullTraceAnalysis } from '../api/types';
import { EmptyState } from '../components/empty-state';
import { StatCard } from '../components/stat-card';
import { Link } from 'react-router';
import { formatDuration } from '../model/format';

export function AnomaliesView({ trace }: { trace: FullTraceAnalysis }) {
  const [severity, setSeverity] = useSearchParam('severity');
  const all = trace.anomalies;
  if (all.length === 0) {
    return (
      <EmptyState title="No performance anomalies detected">
        Every timed operation is within its baseline (or has too few samples to judge).
      </EmptyState>
    );
  }
  const count = (s: string) => all.filter((a) => a.severity === s).length;
  const shown = severity ? all.filter((a) => a.severity === severity) : all;
  return (
    <div className="page">
      <div className="stats">
        <StatCard label="Total" value={all.length} />
        <StatCard label="Critical" value={count('Critical')} tone="danger" />
        <StatCard label="Warning" value={count('Warning')} tone="warning" />
        <StatCard label="Minor" value={count('Minor')} />
      </div>
      <div className="row">
        <select
          aria-label="Severity"
          value={severity ?? ''}
          onChange={(e) => setSeverity(e.target.value)}
        >
          <option value="">All severities</option>
          <option>Critical</option>
          <option>Warning</option>
          <option>Minor</option>
        </select>
      </div>
      <div className="panel flush">
        <table className="data">
          <thead>
            <tr>
              <th>Severity</th>
              <th>Operation</th>
              <th>Actual</th>
              <th>Expected</th>
              <th>σ</th>
              <th>Baseline</th>
              <th>Location</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.event_id}>
                <td>
                  <span className={`badge ${a.severity}`}>{a.severity}</span>
                </td>
                <td className="mono">
                  <Link to={`/traces/${trace.trace_id}/list?event=${a.event_id}`}>
                    {a.event_kind}
                  </Link>
                </td>
                <td>{formatDuration(a.actual_duration_ms)}</td>
                <td>{formatDuration(a.expected_duration_ms)}</td>
                <td>{a.std_dev_from_mean.toFixed(1)}</td>
                <td className="small muted">
                  {a.baseline_count !== undefined
                    ? `n=${a.baseline_count}, p50 ${formatDuration(a.baseline_p50_ms ?? 0)}, p99 ${formatDuration(a.baseline_p99_ms ?? 0)}`
                    : '—'}
                </td>
                <td className="mono">{a.location}</td>
                <td>{a.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
