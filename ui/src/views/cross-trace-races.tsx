import { Link } from 'react-router';
import { useGlobalAnalysis } from '../api/queries';
import { crossTraceAuditPath } from '../app/audit-links';

/** Races of this variable between this trace and other traces (from `/api/analyze/global`). */
export function CrossTraceRaces({ traceId, variable }: { traceId: string; variable: string }) {
  const global = useGlobalAnalysis();
  const races = (global.data?.race_details ?? []).filter(
    (r) => r.variable === variable && (r.trace1_id === traceId || r.trace2_id === traceId),
  );
  return (
    <section className="panel" aria-label="Cross-trace races">
      <h2>Cross-trace races on {variable}</h2>
      {global.isError && <div className="muted">Global analysis unavailable.</div>}
      {global.data && races.length === 0 && (
        <div className="muted">No race with another trace on this variable.</div>
      )}
      {races.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th>Severity</th>
              <th>Other trace</th>
              <th>This side</th>
              <th>Other side</th>
            </tr>
          </thead>
          <tbody>
            {races.map((r, i) => {
              const mine = r.trace1_id === traceId;
              const other = mine ? r.trace2_id : r.trace1_id;
              return (
                <tr key={i}>
                  <td>
                    <span className={`badge ${r.severity}`}>{r.severity}</span>
                  </td>
                  <td className="mono">
                    <Link to={crossTraceAuditPath(other, variable)}>{other.slice(0, 8)}</Link>
                  </td>
                  <td className="mono">
                    {mine
                      ? `${r.event1_thread} @ ${r.event1_location}`
                      : `${r.event2_thread} @ ${r.event2_location}`}
                  </td>
                  <td className="mono">
                    {mine
                      ? `${r.event2_thread} @ ${r.event2_location}`
                      : `${r.event1_thread} @ ${r.event1_location}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
