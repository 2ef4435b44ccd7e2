import type { Router } from '@koa/router';
import type { Context } from 'koa';
import type { OtlpHttpRequest } from '../../ingest/otlp/otlp-http-handler.js';
import { readBody } from '../body/read-body.js';
import { routeNotFound } from '../errors/http-errors.js';
import type { HttpAppDeps } from '../http-app-deps.js';

/** OTLP/HTTP encodings (OTLP spec: binary protobuf and JSON protobuf). */
const OTLP_MEDIA_TYPES = ['application/x-protobuf', 'application/protobuf', 'application/json'];

/** The paths the router matches to these routes: it ignores case and one trailing slash. */
const OTLP_PATH = /^\/v1\/(?:traces|logs)\/?$/i;

/** Whether a request is on an OTLP/HTTP route, whose clients read errors as `google.rpc.Status`. */
export function isOtlpPath(path: string): boolean {
  return OTLP_PATH.test(path);
}

/**
 * `POST /v1/traces` and `POST /v1/logs`: the body is decompressed and size-checked here, then the OTLP
 * receiver decodes it and chooses the answer (status, content type, `Retry-After` for retryable refusals).
 */
export function otlpRoutes(router: Router, deps: HttpAppDeps): void {
  const handle =
    (signal: OtlpHttpRequest['signal']) =>
    async (ctx: Context): Promise<void> => {
      const otlp = deps.otlp;
      if (otlp === undefined) throw routeNotFound(ctx.method, ctx.path);
      const { mediaType, body } = await readBody(ctx, {
        mediaTypes: OTLP_MEDIA_TYPES,
        maxBytes: deps.options.maxBodyBytes,
      });
      const contentType =
        mediaType === 'application/protobuf' ? 'application/x-protobuf' : mediaType;
      const answer = await otlp({ signal, contentType, body });
      ctx.status = answer.status;
      if (answer.retryAfterSeconds !== undefined)
        ctx.set('Retry-After', String(answer.retryAfterSeconds));
      ctx.type = answer.contentType;
      ctx.body = answer.body;
    };
  router.post('/v1/traces', handle('traces'));
  router.post('/v1/logs', handle('logs'));
}
