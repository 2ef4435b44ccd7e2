import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useServices, useTraces, type TraceFilters } from '../api/queries';
import type { TraceSummary } from '../api/types';
import { useKeyboard } from '../app/shortcuts';
import { QueryState } from '../components/query-state';
import { ServiceBadge } from '../components/service-badge';
import { formatDuration, timeAgo } from '../model/format';

const PAGE = 200;
const COLUMNS = '300px 70px minmax(160px, 1fr) 90px 110px';

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
          {traces.data
            ? `${traces.data.total_traces} trace${traces.data.total_traces === 1 ? '' : 's'}`
            : ''}
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

function TraceRows({
  rows,
  selected,
  onOpen,
}: {
  rows: TraceSummary[];
  selected: number;
  onOpen: (id: string) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 34,
    overscan: 12,
  });
  const now = Date.now();
  useEffect(() => {
    virtualizer.scrollToIndex(selected);
  }, [selected, virtualizer]);
  return (
    <>
      <div className="vhead" style={{ gridTemplateColumns: COLUMNS }}>
        <span>Trace</span>
        <span>Events</span>
        <span>Services</span>
        <span>Duration</span>
        <span>Last activity</span>
      </div>
      <div ref={parent} className="vlist" data-testid="trace-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const trace = rows[item.index] as TraceSummary;
            const duration = Date.parse(trace.last_timestamp) - Date.parse(trace.first_timestamp);
            return (
              <div
                key={trace.trace_id}
                role="link"
                tabIndex={-1}
                className={`vrow${item.index === selected ? ' selected' : ''}`}
                style={{ top: item.start, height: item.size, gridTemplateColumns: COLUMNS }}
                onClick={() => onOpen(trace.trace_id)}
                data-trace-id={trace.trace_id}
              >
                <span className="cell mono">
                  <a href={`/traces/${trace.trace_id}`} onClick={(e) => e.preventDefault()}>
                    {trace.trace_id}
                  </a>
                </span>
                <span className="cell">{trace.event_count}</span>
                <span className="cell">
                  {trace.services.slice(0, 4).map((s) => (
                    <ServiceBadge key={s} name={s} link={false} />
                  ))}{' '}
                  {trace.services.length > 4 && (
                    <span className="muted">+{trace.services.length - 4}</span>
                  )}
                </span>
                <span className="cell">{formatDuration(duration)}</span>
                <span className="cell muted" title={trace.last_timestamp}>
                  {timeAgo(trace.last_timestamp, now)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
