import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useServices, useTraces, type TraceFilters } from '../api/queries';
import { useKeyboard } from '../app/shortcuts';
import { QueryState } from '../components/query-state';
import { TraceRows } from './trace-rows';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

const PAGE = 200;

/** Reads the list filters from the URL (the URL is the source of truth for view state). */
export function filtersFromParams(params: URLSearchParams): TraceFilters {
  const filters: TraceFilters = {};
  const service = params.get('service');
  const variable = params.get('variable');
  const q = params.get('q');
  const min = Number(params.get('min_events'));
  if (service) filters.service = service;
  if (variable) filters.variable = variable;
  if (q) filters.q = q;
  if (params.get('has_races') === 'true') filters.hasRaces = true;
  if (Number.isInteger(min) && min > 1) filters.minEvents = min;
  return filters;
}

export function TraceListPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [limit, setLimit] = useState(PAGE);
  const traces = useTraces(filters, limit);
  const services = useServices();
  const search = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState(0);
  const navigate = useNavigate();
  const rows = traces.data?.traces ?? [];

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  useKeyboard((key) => {
    if (key === '/') search.current?.focus();
    else if (key === 'j' || key === 'ArrowDown')
      setSelected((s) => Math.min(rows.length - 1, s + 1));
    else if (key === 'k' || key === 'ArrowUp') setSelected((s) => Math.max(0, s - 1));
    else if (key === 'Enter' && rows[selected]) void navigate(`/traces/${rows[selected].trace_id}`);
    else if (key === 'r') void traces.refetch();
    else return false;
    return true;
  });

  return (
    <div className="page page-fill">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Traces</h1>
        <span className="muted" data-testid="trace-total">
          {traces.data ? countNoun(traces.data.total_traces, 'trace') : ''}
        </span>
      </div>
      <div className="panel filters" role="search">
        <input
          ref={search}
          type="search"
          placeholder="Search trace id…  ( / )"
          aria-label="Search trace id"
          value={filters.q ?? ''}
          onChange={(e) => setParam('q', e.target.value.trim())}
          style={{ width: 260 }}
        />
        <label>
          Service
          <select
            aria-label="Service"
            value={filters.service ?? ''}
            onChange={(e) => setParam('service', e.target.value)}
          >
            <option value="">All</option>
            {services.data?.services.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Variable
          <input
            aria-label="Variable"
            placeholder="e.g. alice.balance"
            value={filters.variable ?? ''}
            onChange={(e) => setParam('variable', e.target.value.trim())}
          />
        </label>
        <label>
          Min events
          <select
            aria-label="Min events"
            value={String(filters.minEvents ?? 1)}
            onChange={(e) => setParam('min_events', e.target.value === '1' ? '' : e.target.value)}
          >
            {[1, 2, 5, 10, 100].map((n) => (
              <option key={n} value={n}>
                {n}+
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filters.hasRaces === true}
            onChange={(e) => setParam('has_races', e.target.checked ? 'true' : '')}
          />
          With races only
        </label>
      </div>
      <div
        className="panel flush"
        style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 300 }}
      >
        <QueryState query={traces} label="traces">
          {(data) =>
            data.traces.length === 0 ? (
              <div className="empty">
                No traces{' '}
                {Object.keys(filters).length
                  ? 'match these filters'
                  : 'yet: send events to /events or OTLP to /v1/traces'}
                .
              </div>
            ) : (
              <TraceRows
                rows={data.traces}
                selected={selected}
                onOpen={(id) => void navigate(`/traces/${id}`)}
              />
            )
          }
        </QueryState>
      </div>
      {traces.data && traces.data.total_traces > rows.length && (
        <div className="row">
          <button onClick={() => setLimit((l) => l + PAGE)}>
            Load more ({traces.data.total_traces - rows.length} older)
          </button>
        </div>
      )}
    </div>
  );
}
