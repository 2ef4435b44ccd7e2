import { Link } from 'react-router';
import { useHotspots } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { ServiceBadge } from '../../components/service-badge';

export function HotspotsTab() {
  const hotspots = useHotspots();
  return (
    <QueryState query={hotspots} label="hotspots">
      {(data) => (
        <div className="grid-2">
          <section className="panel flush" aria-label="Top variables">
            <div style={{ padding: '8px 10px' }}>
              <h3>Top variables by access count</h3>
            </div>
            <table className="data">
              <thead>
                <tr>
                  <th>Variable</th>
                  <th>Accesses</th>
                  <th>Traces</th>
                  <th>Services</th>
                </tr>
              </thead>
              <tbody>
                {data.top_variables.map((v) => (
                  <tr key={v.variable}>
                    <td className="mono">
                      <Link to={`/traces?variable=${encodeURIComponent(v.variable)}`}>
                        {v.variable}
                      </Link>
                    </td>
                    <td>{v.access_count}</td>
                    <td>{v.trace_count}</td>
                    <td>
                      {v.services.map((s) => (
                        <ServiceBadge key={s} name={s} />
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel flush" aria-label="Busiest service calls">
            <div style={{ padding: '8px 10px' }}>
              <h3>Busiest service-to-service calls</h3>
            </div>
            <table className="data">
              <thead>
                <tr>
                  <th>From</th>
                  <th>To</th>
                  <th>Calls</th>
                </tr>
              </thead>
              <tbody>
                {data.top_service_calls.map((c) => (
                  <tr key={`${c.from_service}>${c.to_service}`}>
                    <td>
                      <ServiceBadge name={c.from_service} />
                    </td>
                    <td>
                      <ServiceBadge name={c.to_service} />
                    </td>
                    <td>{c.call_count}</td>
                  </tr>
                ))}
                {data.top_service_calls.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      No cross-service calls.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </QueryState>
  );
}
