import { Link } from 'react-router';
import type { FullTraceAnalysis } from '../api/types';
import { EmptyState } from '../components/empty-state';
import { ServiceBadge } from '../components/service-badge';
import { StatCard } from '../components/stat-card';
import { formatDuration, formatPercent } from '../model/format';
import { ServiceBreakdown } from './service-breakdown';

export function CriticalPathView({ trace }: { trace: FullTraceAnalysis }) {
  const path = trace.critical_path;
  if (!path || path.path.length === 0) {
    return (
      <EmptyState title="Critical path not available">
        The trace has no events with durations.
      </EmptyState>
    );
  }
  const total = Math.max(path.trace_total_duration_ms, 0.001);
  return (
    <div className="page">
      <div className="stats">
        <StatCard label="Path events" value={path.path_events} />
        <StatCard label="Path duration" value={formatDuration(path.total_duration_ms)} />
        <StatCard label="Trace duration" value={formatDuration(path.trace_total_duration_ms)} />
        <StatCard
          label="Coverage"
          value={formatPercent(path.percentage_of_total)}
          tone={path.percentage_of_total > 70 ? 'warning' : undefined}
        />
      </div>
      <ServiceBreakdown path={path} />
      <section className="panel flush" aria-label="Critical path steps">
        <table className="data" data-testid="critical-path-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Step</th>
              <th>Service</th>
              <th>Location</th>
              <th style={{ width: '30%' }}>Span</th>
              <th>Duration</th>
              <th>Self</th>
            </tr>
          </thead>
          <tbody>
            {path.path.map((step, i) => {
              const start = step.start_ms ?? 0;
              const end = step.end_ms ?? start + step.duration_ms;
              return (
                <tr key={step.id}>
                  <td>{i + 1}</td>
                  <td className="mono">
                    <Link to={`/traces/${trace.trace_id}/timeline?event=${step.id}`}>
                      {step.kind}
                    </Link>
                  </td>
                  <td>{step.service_name ? <ServiceBadge name={step.service_name} /> : '—'}</td>
                  <td className="mono">{step.location}</td>
                  <td>
                    <div className="bar-bg" style={{ position: 'relative' }}>
                      <div
                        className="bar-fill"
                        style={{
                          position: 'absolute',
                          left: `${(start / total) * 100}%`,
                          width: `${Math.max(((end - start) / total) * 100, 0.5)}%`,
                        }}
                      />
                    </div>
                  </td>
                  <td>{formatDuration(step.duration_ms)}</td>
                  <td>{step.self_ms !== undefined ? formatDuration(step.self_ms) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
