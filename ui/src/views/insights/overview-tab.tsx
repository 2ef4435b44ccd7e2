import { Link } from 'react-router';
import { useGlobalRaces, useServices, useTraces } from '../../api/queries';
import { ServiceBadge } from '../../components/service-badge';
import { StatCard } from '../../components/stat-card';
import { timeAgo } from '../../model/format';
import { HotspotsTab } from './hotspots-tab';
import { countNoun } from '../../../../collector/src/tui/model/count-noun';

export function OverviewTab() {
  const traces = useTraces({}, 5);
  const services = useServices();
  const races = useGlobalRaces();
  const events = services.data?.services.reduce((s, x) => s + x.event_count, 0);
  const now = Date.now();
  // Variables with confirmed cross-trace races (candidates only when the collector does not confirm).
  const racy =
    races.data?.races.filter((r) => r.severity !== 'INFO' && (r.confirmed_races ?? 1) > 0) ?? [];
  return (
    <div className="page" style={{ padding: 0 }}>
      <div className="stats">
        <StatCard label="Traces" value={traces.data?.total_traces ?? '—'} />
        <StatCard label="Events" value={events ?? '—'} />
        <StatCard label="Services" value={services.data?.total_services ?? '—'} />
        <StatCard
          label="Variables racing across traces"
          value={races.data ? racy.length : '—'}
          tone={racy.length ? 'danger' : 'success'}
        />
      </div>
      <div className={racy.length ? 'error-box' : 'panel'} data-testid="race-banner">
        {racy.length === 0 ? (
          'No race conditions across traces detected.'
        ) : (
          <>
            <strong>Races across traces on: </strong>
            {racy.map((r) => (
              <Link
                key={r.variable}
                to="/insights/races"
                className="mono"
                style={{ marginRight: 10 }}
              >
                {r.variable}
              </Link>
            ))}
          </>
        )}
      </div>
      <div className="grid-2">
        <section className="panel" aria-label="Recent traces">
          <h3>Recent traces</h3>
          <table className="data">
            <tbody>
              {traces.data?.traces.map((t) => (
                <tr key={t.trace_id}>
                  <td className="mono">
                    <Link to={`/traces/${t.trace_id}`}>{t.trace_id.slice(0, 8)}</Link>
                  </td>
                  <td>{countNoun(t.event_count, 'event')}</td>
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
        </section>
        <section className="panel" aria-label="Service breakdown">
          <h3>Services</h3>
          <table className="data">
            <tbody>
              {services.data?.services.map((s) => (
                <tr key={s.name}>
                  <td>
                    <ServiceBadge name={s.name} />
                  </td>
                  <td>{countNoun(s.event_count, 'event')}</td>
                  <td>{countNoun(s.trace_count, 'trace')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <HotspotsTab />
    </div>
  );
}
