import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { BackpressureError, RacewayError, StorageError } from '../../errors/raceway-error.js';
import { answerError } from './error-answer.js';

const STORAGE_RETRY_AFTER_S = 1;

interface Described {
  status: number;
  message: string;
  headers: Record<string, string>;
  extra: Record<string, unknown>;
}

/**
 * The one place errors become HTTP: every RacewayError (and Koa's own http errors) is answered with the
 * `{success:false,data:null,error}` envelope and its status; anything else is a 500 with a generic message
 * and is logged. Old SDKs resend forever on a non-JSON answer (DESIGN.md "Event model"), so even failures
 * are JSON. OTLP routes get a `google.rpc.Status` instead (`answerError`).
 */
export function errorEnvelope(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const described = describe(err);
      const where = { method: ctx.method, path: ctx.path, status: described.status };
      // Backpressure is routine under load (metrics count it); a failing store is worth a warning; only
      // the unexpected is an error.
      if (err instanceof StorageError) logger.warn({ ...where, err }, 'storage failed');
      else if (described.status >= 500 && !(err instanceof BackpressureError))
        logger.error({ ...where, err }, 'request failed');
      else logger.debug({ ...where, reason: described.message }, 'request refused');
      // A response already under way (an SSE stream) cannot change its status any more.
      if (ctx.headerSent) return;
      answerError(ctx, described);
    }
  };
}

function describe(err: unknown): Described {
  if (err instanceof BackpressureError) {
    return {
      status: err.status,
      message: err.message,
      headers: { 'Retry-After': String(retryAfterSeconds(err.retryAfterMs)) },
      extra: {},
    };
  }
  if (err instanceof StorageError && err.retryable) {
    // The store may come back soon; exporters that honour Retry-After then wait instead of spinning.
    return {
      status: err.status,
      message: err.message,
      headers: { 'Retry-After': String(STORAGE_RETRY_AFTER_S) },
      extra: {},
    };
  }
  if (err instanceof RacewayError) {
    return {
      status: err.status,
      message: err.expose ? err.message : genericMessage(err.status),
      headers: {},
      extra: 'path' in err && typeof err.path === 'string' ? { field: err.path } : {},
    };
  }
  const http = httpErrorOf(err);
  if (http) {
    return {
      status: http.status,
      message: http.expose ? http.message : genericMessage(http.status),
      headers: http.headers,
      extra: {},
    };
  }
  return { status: 500, message: genericMessage(500), headers: {}, extra: {} };
}

/** Whole seconds, at least 1 (a `Retry-After: 0` makes clients spin). */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function genericMessage(status: number): string {
  return status >= 500 ? 'Internal server error' : 'Request failed';
}

/** Errors from `ctx.throw` / http-errors: a 4xx/5xx `status` with an `expose` flag. */
function httpErrorOf(
  err: unknown,
):
  | { status: number; message: string; expose: boolean; headers: Record<string, string> }
  | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { status?: unknown; expose?: unknown; message?: unknown; headers?: unknown };
  if (typeof e.status !== 'number' || e.status < 400 || e.status > 599) return undefined;
  const headers: Record<string, string> = {};
  if (typeof e.headers === 'object' && e.headers !== null) {
    for (const [k, v] of Object.entries(e.headers)) if (typeof v === 'string') headers[k] = v;
  }
  return {
    status: e.status,
    message: typeof e.message === 'string' ? e.message : '',
    expose: e.expose === true,
    headers,
  };
}
