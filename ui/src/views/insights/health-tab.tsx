import { useServiceHealth } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { ServiceBadge } from '../../components/service-badge';
import { StatCard } from '../../components/stat-card';
import { systemHealthScore } from '../../model/system-health';

export function HealthTab() {
  const health = useServiceHealth();
  return (
    <QueryState query={health} label="service health">
      {(data) => {
        const count = (s: string) => data.filter((h) => h.status === s).length;
        return (
          <div className="page" style={{ padding: 0 }}>
            <div className="stats">
              <StatCard label="Health score" value={systemHealthScore(data)} />
              <StatCard label="Healthy" value={count('healthy')} tone="success" />
              <StatCard label="Warning" value={count('warning')} tone="warning" />
              <StatCard label="Critical" value={count('critical')} tone="danger" />
            </div>
            <section className="panel flush">
              <table className="data">
                <thead>
                  <tr>
                    <th>Service</th>
                    <th>Status</th>
                    <th>Traces (60 min)</th>
                    <th>Avg events / trace</th>
                    <th>Minutes since activity</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((h) => (
                    <tr key={h.name}>
                      <td>
                        <ServiceBadge name={h.name} />
                      </td>
                      <td>
                        <span className={`badge ${h.status}`}>{h.status}</span>
                      </td>
                      <td>{h.trace_count}</td>
                      <td>{h.avg_events_per_trace.toFixed(1)}</td>
                      <td>{Math.round(h.minutes_since_last_activity)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <p className="muted small">
              Healthy: activity in the last 5 minutes; warning: within 30 minutes; critical: older.
            </p>
          </div>
        );
      }}
    </QueryState>
  );
}
