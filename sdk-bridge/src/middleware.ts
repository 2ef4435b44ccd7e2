import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, context, propagation, trace, type Span } from '@opentelemetry/api';
import { CLOCK_HEADER } from './clock-header.js';
import { nowNs, type Raceway } from './raceway.js';
import { withState } from './tracking-state.js';

/**
 * Opens a Raceway context for one inbound request and runs `next` inside it. Reuses the active server
 * span when OpenTelemetry's HTTP instrumentation made one; otherwise starts its own. Requests marked
 * `x-raceway-internal: true` (the SDKs' own event posts) are passed through untouched.
 */
export function runRequest<T>(
  raceway: Raceway,
  req: IncomingMessage,
  res: ServerResponse,
  next: () => T,
): T {
  if (req.headers['x-raceway-internal'] === 'true') return next();
  const extracted = propagation.extract(context.active(), req.headers);
  const active = trace.getSpan(context.active());
  const started = nowNs();
  let ownSpan: Span | undefined;
  let span = active?.isRecording() ? active : undefined;
  if (!span) {
    ownSpan = trace.getTracer('raceway-sdk-bridge').startSpan(
      `${req.method ?? 'GET'} ${pathOf(req.url)}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': pathOf(req.url) },
      },
      extracted,
    );
    span = ownSpan;
  }
  const state = raceway.enterRequest(req.headers, span, extracted);
  span.setAttribute('raceway.thread.id', state.threadId);
  const ctx = withState(trace.setSpan(extracted, span), state);

  // The callee's clock goes back in the response so the caller can order what follows (return edge).
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (...args: unknown[]) => {
    if (!res.headersSent) {
      const header = context.with(ctx, () => raceway.responseClockHeader());
      if (header) res.setHeader(CLOCK_HEADER, header);
    }
    return writeHead(...args);
  };

  // 'close', not 'finish': a client that gives up before the answer never lets the response finish, and
  // a span that never ends is never exported, losing every event tracked in the request.
  res.once('close', () => {
    context.with(ctx, () =>
      raceway.record({
        type: 'http_response',
        status: res.statusCode,
        durationNs: Number(nowNs() - started),
      }),
    );
    if (ownSpan) {
      ownSpan.setAttribute('http.response.status_code', res.statusCode);
      ownSpan.end();
    }
  });
  return context.with(ctx, () => {
    raceway.record({ type: 'http_request', method: req.method ?? 'GET', url: req.url ?? '/' });
    return next();
  });
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] ?? '/';
}

/** Express/Connect middleware. */
export function expressMiddleware(raceway: Raceway) {
  return (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void =>
    runRequest(raceway, req, res, () => next());
}

/** Koa middleware. */
export function koaMiddleware(raceway: Raceway) {
  return (
    ctx: { req: IncomingMessage; res: ServerResponse },
    next: () => Promise<unknown>,
  ): Promise<unknown> => runRequest(raceway, ctx.req, ctx.res, next);
}

/** Wraps a plain `node:http` request listener. */
export function httpHandler(
  raceway: Raceway,
  handler: (req: IncomingMessage, res: ServerResponse) => unknown,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    runRequest(raceway, req, res, () => handler(req, res));
  };
}
