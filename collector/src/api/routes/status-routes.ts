import type { Router } from '@koa/router';
import { ok } from '../envelope.js';
import type { CollectorStatus, HttpAppDeps } from '../http-app-deps.js';
import type { ServerStatus, WarmupSummary } from '../response-shapes.js';

/** Spec §3.4 `WarmupSummary`, from the real boot state (replay counts are events, not traces). */
export function warmupSummary(status: CollectorStatus): WarmupSummary {
  return {
    phase: status.phase,
    ready: status.ready,
    total_traces: status.replay.total,
    processed_traces: status.replay.processed,
    last_trace: null,
    started_at: new Date(status.startedAtMs).toISOString(),
    completed_at:
      status.completedAtMs === undefined ? null : new Date(status.completedAtMs).toISOString(),
    last_error: status.lastError ?? null,
  };
}

/** `/health`, `/status` (spec §3.3, behind auth like the old server) and `/metrics` (Prometheus). */
export function statusRoutes(router: Router, deps: HttpAppDeps): void {
  router.get('/health', (ctx) => {
    const status = deps.status();
    ctx.status = status.phase === 'failed' ? 503 : 200;
    ctx.body = ok({
      ...warmupSummary(status),
      ...(status.cluster === undefined ? {} : { cluster: status.cluster }),
      ...(status.queue === undefined ? {} : { queue: status.queue }),
    });
  });

  router.get('/status', async (ctx) => {
    const status = deps.status();
    const stats = await deps.store.stats();
    ctx.body = ok<ServerStatus>({
      version: deps.options.version,
      uptime_seconds: Math.max(0, Math.floor((deps.clock.now() - status.startedAtMs) / 1000)),
      events_captured: stats.events,
      traces_active: stats.traces,
      storage: deps.store.kind,
      warmup: warmupSummary(status),
    });
  });

  router.get('/metrics', async (ctx) => {
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
}
