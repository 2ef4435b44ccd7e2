import type { Router } from '@koa/router';
import { NotFoundError } from '../../errors/raceway-error.js';
import { ok } from '../envelope.js';
import type { HttpAppDeps } from '../http-app-deps.js';
import { pageParams, totalPages } from '../query/page-params.js';
import { quotedValue } from '../query/quoted-value.js';
import { queryInteger } from '../query/query-values.js';
import type {
  EdgesList,
  GlobalRacesList,
  ServicePerformanceResponse,
  ServicesList,
  ServiceTraces,
} from '../response-shapes.js';

/** Cross-trace routes of spec §3.3 (global races, services, performance, distributed views). */
export function analysisRoutes(router: Router, deps: HttpAppDeps): void {
  const { analyzer, store } = deps;

  router.get('/api/analyze/global', (ctx) => {
    // Spec §3.4 caps `race_details` at 100; `limit` lets newer clients ask for more or fewer.
    ctx.body = ok(analyzer.globalAnalysis(queryInteger(ctx.query, 'limit', 100, { max: 10_000 })));
  });

  router.get('/api/services', (ctx) => {
    const services = analyzer.services();
    ctx.body = ok<ServicesList>({ total_services: services.length, services });
  });

  router.get('/api/services/health', (ctx) => {
    const minutes = queryInteger(ctx.query, 'time_window_minutes', 60, { min: 1 });
    ctx.body = ok(analyzer.serviceHealth(minutes, deps.clock.now()));
  });

  router.get('/api/services/:service_name/traces', async (ctx) => {
    const service = ctx.params['service_name'] ?? '';
    const { page, pageSize } = pageParams(ctx.query, 100);
    const result = await store.listTraces({ page, pageSize, service });
    ctx.body = ok<ServiceTraces>({
      service_name: service,
      total_traces: result.total,
      page,
      page_size: pageSize,
      total_pages: totalPages(result.total, pageSize),
      traces: result.items,
    });
  });

  router.get('/api/services/:service_name/dependencies', (ctx) => {
    ctx.body = ok(analyzer.serviceDependencies(ctx.params['service_name'] ?? ''));
  });

  // Every event of the service in memory, by operation; a name no event carries is a 404, not zeros.
  router.get('/api/services/:service_name/performance', (ctx) => {
    const service = ctx.params['service_name'] ?? '';
    const report = analyzer.servicePerformance(service);
    if (!report) throw new NotFoundError(`Service not found: ${quotedValue(service)}`);
    ctx.body = ok<ServicePerformanceResponse>(report);
  });

  router.get('/api/performance/metrics', (ctx) => {
    ctx.body = ok(
      analyzer.performance(queryInteger(ctx.query, 'limit', 50, { min: 1, max: 10_000 })),
    );
  });

  router.get('/api/distributed/edges', (ctx) => {
    const edges = analyzer.distributedEdges();
    ctx.body = ok<EdgesList>({ total_edges: edges.length, edges });
  });

  router.get('/api/distributed/global-races', (ctx) => {
    const races = analyzer.globalRaceCandidates();
    ctx.body = ok<GlobalRacesList>({ total_races: races.length, races });
  });

  router.get('/api/distributed/hotspots', (ctx) => {
    ctx.body = ok(analyzer.hotspots());
  });
}
