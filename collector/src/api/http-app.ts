import Koa from 'koa';
import type { HttpAppDeps } from './http-app-deps.js';

/** The API port's Koa app: ingest, REST API, SSE, metrics, probes, OTLP/HTTP and the dashboard. */
export function createHttpApp(_deps: HttpAppDeps): Koa {
  return new Koa();
}

/** The dedicated OTLP/HTTP port's app (`/v1/traces`, `/v1/logs` only), with the same auth and limits. */
export function createOtlpHttpApp(_deps: HttpAppDeps): Koa {
  return new Koa();
}
