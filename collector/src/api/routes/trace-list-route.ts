import type { Router } from '@koa/router';
import type { ParsedUrlQuery } from 'node:querystring';
import type { TraceQuery } from '../../store/store.js';
import { ok } from '../envelope.js';
import type { HttpAppDeps } from '../http-app-deps.js';
import { pageParams, totalPages } from '../query/page-params.js';
import { queryBoolean, queryInteger, queryString } from '../query/query-values.js';
import type { TracesList } from '../response-shapes.js';

/**
 * `GET /api/traces` (spec §3.4 `TracesList`), newest activity first, with filters: `min_events` (spec),
 * and additions `service`, `variable` (traces with a StateChange on it), `has_races=true`, and `q` (trace
 * id prefix, case-insensitive). `has_races=false` means "no filter": the engine indexes traces with races, not without.
 */
export function traceListRoute(router: Router, deps: HttpAppDeps): void {
  router.get('/api/traces', async (ctx) => {
    const { page, pageSize } = pageParams(ctx.query, 20);
    const query: TraceQuery = {
      page,
      pageSize,
      minEvents: queryInteger(ctx.query, 'min_events', 1),
      ...optional('service', queryString(ctx.query, 'service')),
      ...optional('idPrefix', idPrefix(ctx.query)),
      ...optional('traceIds', engineFilter(ctx.query, deps)),
    };
    const result = await deps.store.listTraces(query);
    const racing = deps.analyzer.tracesWithRaces();
    ctx.body = ok<TracesList>({
      total_traces: result.total,
      page,
      page_size: pageSize,
      total_pages: totalPages(result.total, pageSize),
      // Additions for list views (dashboard badge, TUI marks): only racing traces pay for a count.
      traces: result.items.map((t) => ({
        ...t,
        has_races: racing.has(t.trace_id),
        race_count: racing.has(t.trace_id)
          ? deps.analyzer.traceRaces(t.trace_id).potential_races
          : 0,
      })),
    });
  });
}

/** What a user typed in a search box: text that cannot start a trace id simply matches nothing. */
function idPrefix(query: ParsedUrlQuery): string | undefined {
  return queryString(query, 'q')?.toLowerCase();
}

function engineFilter(query: ParsedUrlQuery, deps: HttpAppDeps): ReadonlySet<string> | undefined {
  const variable = queryString(query, 'variable');
  const touching = variable === undefined ? undefined : deps.analyzer.tracesTouching(variable);
  const racing = queryBoolean(query, 'has_races') ? deps.analyzer.tracesWithRaces() : undefined;
  if (touching === undefined) return racing;
  if (racing === undefined) return touching;
  return new Set([...touching].filter((id) => racing.has(id)));
}

/** `{[key]: value}` only when defined (exactOptionalPropertyTypes forbids explicit undefined). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
