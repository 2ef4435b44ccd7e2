import { Link } from 'react-router';
import { useGlobalAnalysis, useGlobalRaces } from '../../api/queries';
import type { GlobalRaceCandidate } from '../../api/types';
import { QueryState } from '../../components/query-state';
import { crossTraceAuditPath } from '../../app/audit-links';

const ADVICE = {
  CRITICAL:
    'Several contexts write this variable without synchronization: high risk of lost updates.',
  WARNING: 'Mixed reads and writes across contexts: readers may act on stale values.',
  INFO: 'Concurrent reads only: generally safe, but shows shared state.',
} as const;

/** Variables accessed by concurrent traces (spec §6.1 "Races"), and the confirmed racing pairs. */
export function GlobalRacesTab() {
  const races = useGlobalRaces();
  const global = useGlobalAnalysis();
  return (
    <div className="page" style={{ padding: 0 }}>
      <QueryState query={races} label="global races">
        {(data) =>
          data.races.length === 0 ? (
            <div className="panel">
              <strong>No cross-trace race candidates.</strong>
            </div>
          ) : (
            <div className="panel flush">
              <table className="data" data-testid="global-races">
                <thead>
                  <tr>
                    <th>Severity</th>
                    <th>Variable</th>
                    <th>Traces</th>
                    <th>Accesses</th>
                    <th>Types</th>
                    <th>Contexts</th>
                    <th>Confirmed pairs</th>
                    <th>Advice</th>
                  </tr>
                </thead>
                <tbody>
                  {data.races.map((r: GlobalRaceCandidate) => (
                    <tr key={r.variable}>
                      <td>
                        <span className={`badge ${r.severity}`}>{r.severity}</span>
                      </td>
                      <td className="mono">
                        <Link to={`/traces?variable=${encodeURIComponent(r.variable)}`}>
                          {r.variable}
                        </Link>
                      </td>
                      <td>
                        {r.trace_ids.slice(0, 5).map((t) => (
                          <Link
                            key={t}
                            className="mono"
                            style={{ marginRight: 6 }}
                            to={crossTraceAuditPath(t, r.variable)}
                          >
                            {t.slice(0, 8)}
                          </Link>
                        ))}
                        {r.trace_ids.length > 5 && (
                          <span className="muted">+{r.trace_ids.length - 5}</span>
                        )}
                      </td>
                      <td>{r.access_count}</td>
                      <td>{r.access_types.join(', ')}</td>
                      <td>{r.thread_count}</td>
                      <td>
                        {r.confirmed_races ?? '—'}
                        {r.confirmed_races === 0 && (
                          <span className="muted small">
                            {' '}
                            (same variable only, no unordered pair)
                          </span>
                        )}
                      </td>
                      <td className="small">{ADVICE[r.severity]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      <QueryState query={global} label="global analysis">
        {(data) => (
          <section className="panel flush" aria-label="Cross-trace racing pairs">
            <div style={{ padding: '8px 10px' }}>
              <h3>
                Cross-trace racing pairs: {data.potential_races}
                {data.truncated ? ` (first ${data.race_details.length} shown)` : ''}
              </h3>
            </div>
            {data.race_details.length > 0 && (
              <table className="data">
                <thead>
                  <tr>
                    <th>Severity</th>
                    <th>Variable</th>
                    <th>Trace A</th>
                    <th>Access A</th>
                    <th>Trace B</th>
                    <th>Access B</th>
                  </tr>
                </thead>
                <tbody>
                  {data.race_details.map((r, i) => (
                    <tr key={i}>
                      <td>
                        <span className={`badge ${r.severity}`}>{r.severity}</span>
                      </td>
                      <td className="mono">{r.variable}</td>
                      <td className="mono">
                        <Link to={crossTraceAuditPath(r.trace1_id, r.variable)}>
                          {r.trace1_id.slice(0, 8)}
                        </Link>
                      </td>
                      <td className="mono small">
                        {r.event1_thread} @ {r.event1_location}
                      </td>
                      <td className="mono">
                        <Link to={crossTraceAuditPath(r.trace2_id, r.variable)}>
                          {r.trace2_id.slice(0, 8)}
                        </Link>
                      </td>
                      <td className="mono small">
                        {r.event2_thread} @ {r.event2_location}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
      </QueryState>
    </div>
  );
}
