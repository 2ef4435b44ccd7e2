import type { Middleware } from 'koa';
import type { Clock } from '../../model/clock.js';
import type { KeyRing } from '../auth/api-key.js';
import { requestKey } from '../auth/request-key.js';
import { answerError } from '../errors/error-answer.js';
import { retryAfterSeconds } from '../errors/error-envelope.js';
import { TokenBucket } from './token-bucket.js';

export interface RateLimitOptions {
  requestsPerMinute: number;
  keys: KeyRing;
  clock: Clock;
}

/**
 * Per-client request budget (spec §3.2, fixing §10.3.3): keyed by the API key when keys are configured
 * (only valid keys get here, after auth), else by the peer address. `X-Forwarded-For` is never trusted: any
 * client could name a fresh address per request. Exceeded → 429 with `Retry-After`.
 */
export function rateLimit(options: RateLimitOptions): Middleware {
  const buckets = new TokenBucket(options.requestsPerMinute, 60_000);
  return async (ctx, next) => {
    const key = options.keys.open
      ? `addr:${ctx.socket.remoteAddress ?? 'unknown'}`
      : `key:${requestKey(ctx) ?? ''}`;
    const result = buckets.take(key, options.clock.now());
    if (result.allowed) {
      await next();
      return;
    }
    answerError(ctx, {
      status: 429,
      message: 'Too Many Requests',
      headers: { 'Retry-After': String(retryAfterSeconds(result.retryAfterMs)) },
      detail: `more than ${options.requestsPerMinute} requests per minute from this client`,
    });
  };
}
