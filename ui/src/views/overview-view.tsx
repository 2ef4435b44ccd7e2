import { Link } from 'react-router';
import type { FullTraceAnalysis } from '../api/types';
import { StatCard } from '../components/stat-card';
import { contextOf, kindName } from '../model/event-kind';
import { formatDuration, formatPercent } from '../model/format';
import { traceHealth, traceInsights } from '../model/trace-health';
import { ServiceBreakdown } from './service-breakdown';

/** Health score, stats, rule-based insights and the critical path split per service. */
export function OverviewView({ trace }: { trace: FullTraceAnalysis }) {
  const contexts = new Set(trace.events.map(contextOf)).size;
  const input = {
    races: trace.analysis.potential_races,
    anomalies: trace.anomalies,
    criticalPathPercent: trace.critical_path?.percentage_of_total ?? 0,
    contextCount: contexts,
  };
  const health = traceHealth(input);
  const insights = traceInsights(input);
  const kinds = new Map<string, number>();
  for (const e of trace.events) kinds.set(kindName(e.kind), (kinds.get(kindName(e.kind)) ?? 0) + 1);
  const tone = health.score >= 90 ? 'success' : health.score >= 50 ? 'warning' : 'danger';
  return (
    <div className="page">
      <div className="grid-3" style={{ gridTemplateColumns: '220px 1fr 1fr' }}>
        <div className="panel" data-testid="trace-health">
          <h3>Trace health</h3>
          <div className="health-score" style={{ color: `var(--${tone})` }}>
            {health.score}
          </div>
          <div>
            <span className={`badge ${tone}`}>{health.label}</span>
          </div>
          {health.issues.length > 0 && (
            <ul className="reasons small">
              {health.issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="panel">
          <h3>Insights</h3>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {insights.map((card) => (
              <div key={card.title} className={`insight ${card.tone}`}>
                <strong>{card.title}</strong> — {card.detail}{' '}
                {card.view !== 'overview' && (
                  <Link to={`/traces/${trace.trace_id}/${card.view}`}>View</Link>
                )}
              </div>
            ))}
          </div>
        </div>
        <div className="panel">
          <h3>Event kinds</h3>
          <table className="data">
            <tbody>
              {[...kinds.entries()]
                .sort((a, b) => b[1] - a[1])
                .map(([k, n]) => (
                  <tr key={k}>
                    <td>{k}</td>
                    <td style={{ textAlign: 'right' }}>{n}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="stats">
        <StatCard label="Events" value={trace.events.length} />
        <StatCard label="Contexts" value={contexts} />
        <StatCard
          label="Services"
          value={new Set(trace.events.map((e) => e.metadata.service_name)).size}
        />
        <StatCard
          label="Races"
          value={trace.analysis.potential_races}
          tone={trace.analysis.potential_races ? 'danger' : 'success'}
        />
        <StatCard
          label="Anomalies"
          value={trace.anomalies.length}
          tone={trace.anomalies.length ? 'warning' : undefined}
        />
        <StatCard
          label="Duration"
          value={formatDuration(trace.critical_path?.trace_total_duration_ms ?? 0)}
        />
        <StatCard
          label="Critical path"
          value={formatPercent(trace.critical_path?.percentage_of_total ?? 0)}
        />
        <StatCard label="Variables" value={Object.keys(trace.audit_trails).length} />
      </div>
      {trace.critical_path && <ServiceBreakdown path={trace.critical_path} />}
    </div>
  );
}
