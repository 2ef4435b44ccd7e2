import { PassThrough } from 'node:stream';
import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { ValidationError } from '../../errors/raceway-error.js';
import type { HttpAppDeps } from '../http-app-deps.js';
import { queryString } from '../query/query-values.js';
import { sseComment, sseMessage } from './sse-format.js';

const DEFAULT_HEARTBEAT_MS = 15_000;
/** A client this far behind is dropped; it reconnects with `Last-Event-ID` and catches up. */
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * `GET /api/stream`: Server-Sent Events from the live feed (trace, race, global_race, anomaly), heartbeat
 * comments, and resume from `Last-Event-ID` (header, or `?last_event_id=` since EventSource cannot set
 * headers on the first connection).
 */
export function streamRoute(router: Router, deps: HttpAppDeps): void {
  const heartbeatMs = deps.options.streamHeartbeatMs ?? DEFAULT_HEARTBEAT_MS;

  router.get('/api/stream', (ctx) => {
    const afterId = lastEventId(ctx);
    const out = new PassThrough();
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.req.socket.setKeepAlive(true);
    ctx.status = 200;
    ctx.set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    ctx.body = out;

    let open = true;
    const send = (chunk: string): void => {
      if (!open) return;
      out.write(chunk);
      if (out.writableLength > MAX_BUFFERED_BYTES) close();
    };
    // Declared before the replay: a replay past the buffer limit closes the stream from inside subscribe.
    let heartbeat: NodeJS.Timeout | undefined;
    let unsubscribe = (): void => undefined;
    send(`retry: 3000\n${sseComment('connected')}`);
    unsubscribe = deps.feed.subscribe((m) => send(sseMessage(m)), afterId);
    if (!open) unsubscribe();
    else {
      heartbeat = setInterval(() => send(sseComment('heartbeat')), heartbeatMs);
      heartbeat.unref();
    }

    function close(): void {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      unsubscribe();
      out.end();
    }
    ctx.res.once('close', close);
    out.once('error', close);
  });
}

function lastEventId(ctx: Context): number | undefined {
  const text = ctx.get('Last-Event-ID').trim() || queryString(ctx.query, 'last_event_id');
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text))
    throw new ValidationError('Last-Event-ID must be a non-negative integer');
  return Number(text);
}
