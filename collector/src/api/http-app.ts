import { Router } from '@koa/router';
import Koa from 'koa';
import { accessLog } from './access-log.js';
import { KeyRing } from './auth/api-key.js';
import { authRoutes } from './auth/auth-routes.js';
import { requireApiKey } from './auth/require-api-key.js';
import { corsPolicy } from './cors/cors-policy.js';
import { errorEnvelope } from './errors/error-envelope.js';
import { notFound } from './errors/not-found.js';
import type { HttpAppDeps } from './http-app-deps.js';
import { rateLimit } from './limits/rate-limit.js';
import { analysisRoutes } from './routes/analysis-routes.js';
import { ingestRoutes } from './routes/ingest-routes.js';
import { otlpRoutes } from './routes/otlp-routes.js';
import { probeRoutes } from './routes/probe-routes.js';
import { statusRoutes } from './routes/status-routes.js';
import { traceListRoute } from './routes/trace-list-route.js';
import { traceRoutes } from './routes/trace-routes.js';
import { serveDashboard } from './static/serve-dashboard.js';
import { streamRoute } from './stream/stream-route.js';

/** The API port's Koa app: ingest, REST API, SSE, metrics, probes, OTLP/HTTP and the dashboard. */
export function createHttpApp(deps: HttpAppDeps): Koa {
  const keys = new KeyRing(deps.options.apiKeys);

  // Open: probes and the old UI's session routes.
  const open = new Router();
  probeRoutes(open, deps);
  authRoutes(open, keys);

  // Everything that reads or writes data needs a key (when configured) and a share of the rate limit.
  const data = dataRouter(deps, keys);
  dataRoutes(data, deps);

  const app = assemble(deps);
  app.use(open.routes());
  app.use(data.routes());
  app.use(data.allowedMethods({ throw: true }));
  app.use(serveDashboard(deps.options.uiDir));
  return app;
}

/** Every route that reads or writes data: all of them behind the API key and the rate limit. */
export function dataRoutes(router: Router, deps: HttpAppDeps): void {
  ingestRoutes(router, deps);
  traceListRoute(router, deps);
  traceRoutes(router, deps);
  analysisRoutes(router, deps);
  statusRoutes(router, deps);
  streamRoute(router, deps);
  otlpRoutes(router, deps);
}

/** The dedicated OTLP/HTTP port's app (`/v1/traces`, `/v1/logs` only), with the same auth and limits. */
export function createOtlpHttpApp(deps: HttpAppDeps): Koa {
  const data = dataRouter(deps, new KeyRing(deps.options.apiKeys));
  otlpRoutes(data, deps);
  const app = assemble(deps);
  app.use(data.routes());
  app.use(data.allowedMethods({ throw: true }));
  return app;
}

function dataRouter(deps: HttpAppDeps, keys: KeyRing): Router {
  const router = new Router();
  router.use(requireApiKey(keys));
  const { enabled, requestsPerMinute } = deps.options.rateLimit;
  if (enabled) router.use(rateLimit({ requestsPerMinute, keys, clock: deps.clock }));
  return router;
}

/**
 * CORS outermost (so errors keep their CORS headers), then the access log (which sees final statuses), the
 * error envelope and the JSON 404.
 */
function assemble(deps: HttpAppDeps): Koa {
  const app = new Koa();
  // Peer addresses come from the socket only: X-Forwarded-* are not trusted (spec §10.3.3).
  app.proxy = false;
  const cors = corsPolicy(deps.options.corsOrigins);
  if (cors) app.use(cors);
  app.on('error', (err: unknown) => logAppError(deps, err));
  app.use(accessLog(deps.logger));
  app.use(errorEnvelope(deps.logger));
  app.use(notFound());
  return app;
}

/** Koa reports here what happens after the answer started, mostly clients leaving an SSE stream. */
function logAppError(deps: HttpAppDeps, err: unknown): void {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE')
    deps.logger.debug({ code }, 'client went away');
  else deps.logger.error({ err }, 'response failed');
}
