import type { Router } from '@koa/router';
import { NotFoundError } from '../../errors/raceway-error.js';
import type { CriticalPathResponse } from '../../engine/results.js';
import { eventInterval } from '../../model/event-interval.js';
import type { ApiEvent } from '../../model/stored-event.js';
import { ok } from '../envelope.js';
import type { HttpAppDeps } from '../http-app-deps.js';
import { traceIdParam } from '../query/trace-id-param.js';
import type {
  AuditTrail,
  FullTraceAnalysis,
  TraceAnomalies,
  TraceDeleted,
  TraceRacesResponse,
} from '../response-shapes.js';

/**
 * The per-trace routes of spec §3.3 plus the additions `races`, `graph` and `DELETE`. The store decides
 * whether a trace exists (404); the analyses come from the engine and are empty when it knows nothing.
 */
export function traceRoutes(router: Router, deps: HttpAppDeps): void {
  const { store, analyzer } = deps;
  const deleteTrace =
    deps.deleteTrace ??
    (async (id: string): Promise<boolean> => {
      const existed = await store.deleteTrace(id);
      analyzer.forget([id]);
      return existed;
    });

  /** The canonical id of a stored trace, else 404 with the old message (spec §9 S11). */
  const existing = async (raw: string | undefined): Promise<string> => {
    const id = traceIdParam(raw);
    if ((await store.traceSummary(id)) === undefined)
      throw new NotFoundError(`Failed to fetch trace: Trace not found: ${id}`);
    return id;
  };

  router.get('/api/traces/:trace_id', async (ctx) => {
    const id = await existing(ctx.params['trace_id']);
    const events: ApiEvent[] = (await store.traceEvents(id)).map((e) => {
      const { startUs, endUs } = eventInterval(e);
      return { ...e, ...analyzer.computed(e), start_us: startUs, end_us: endUs };
    });
    ctx.body = ok<FullTraceAnalysis>({
      trace_id: id,
      events,
      audit_trails: analyzer.auditTrails(id),
      analysis: analyzer.traceRaces(id),
      critical_path: analyzer.criticalPath(id),
      anomalies: analyzer.anomalies(id),
      dependencies: analyzer.dependencies(id),
    });
  });

  router.get('/api/traces/:trace_id/audit-trail/:variable', async (ctx) => {
    const id = await existing(ctx.params['trace_id']);
    const variable = ctx.params['variable'] ?? '';
    ctx.body = ok<AuditTrail>({
      trace_id: id,
      variable,
      accesses: analyzer.auditTrail(id, variable),
    });
  });

  router.get('/api/traces/:trace_id/critical-path', async (ctx) => {
    const id = await existing(ctx.params['trace_id']);
    ctx.body = ok(analyzer.criticalPath(id) ?? emptyCriticalPath(id));
  });

  // Spec §3.3: never 404, an unknown trace simply has no anomalies.
  router.get('/api/traces/:trace_id/anomalies', (ctx) => {
    const id = traceIdParam(ctx.params['trace_id']);
    const anomalies = analyzer.anomalies(id);
    ctx.body = ok<TraceAnomalies>({ trace_id: id, anomaly_count: anomalies.length, anomalies });
  });

  router.get('/api/traces/:trace_id/dependencies', async (ctx) => {
    ctx.body = ok(analyzer.dependencies(await existing(ctx.params['trace_id'])));
  });

  router.get('/api/traces/:trace_id/races', async (ctx) => {
    const id = await existing(ctx.params['trace_id']);
    ctx.body = ok<TraceRacesResponse>({ trace_id: id, ...analyzer.traceRaces(id) });
  });

  router.get('/api/traces/:trace_id/graph', async (ctx) => {
    ctx.body = ok(analyzer.causalGraph(await existing(ctx.params['trace_id'])));
  });

  router.delete('/api/traces/:trace_id', async (ctx) => {
    const id = traceIdParam(ctx.params['trace_id']);
    if (!(await deleteTrace(id))) throw new NotFoundError(`Trace not found: ${id}`);
    ctx.body = ok<TraceDeleted>({ trace_id: id, deleted: true });
  });
}

/** What a trace with no computable path looks like: old clients read these fields unconditionally. */
function emptyCriticalPath(traceId: string): CriticalPathResponse {
  return {
    trace_id: traceId,
    path_events: 0,
    total_duration_ms: 0,
    trace_total_duration_ms: 0,
    percentage_of_total: 0,
    path: [],
    by_service: [],
    by_operation: [],
  };
}
