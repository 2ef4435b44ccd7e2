import { Link } from 'react-router';
import { useHotspots } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { ServiceBadge } from '../../components/service-badge';
import { TitledTable } from '../../components/titled-table';

export function HotspotsTab() {
  const hotspots = useHotspots();
  return (
    <QueryState query={hotspots} label="hotspots">
      {(data) => (
        <div className="grid-2">
          <TitledTable
            label="Top variables"
            title="Top variables by access count"
            columns={['Variable', 'Accesses', 'Traces', 'Services']}
          >
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
          </TitledTable>
          <TitledTable
            label="Busiest service calls"
            title="Busiest service-to-service calls"
            columns={['From', 'To', 'Calls']}
          >
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
          </TitledTable>
        </div>
      )}
    </QueryState>
  );
}
