import cors from '@koa/cors';
import type { Middleware } from 'koa';

const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Content-Encoding',
  'X-Raceway-API-Key',
  'X-Raceway-Key',
  'X-Raceway-Internal',
  'Last-Event-ID',
];

/**
 * CORS for browsers (dashboard on another origin, OTel web exporters): `*` allows any origin, otherwise
 * only the exact listed ones get CORS headers. Undefined when no origin is configured.
 */
export function corsPolicy(origins: readonly string[]): Middleware | undefined {
  if (origins.length === 0) return undefined;
  const any = origins.includes('*');
  const listed = new Set(origins);
  return cors({
    origin: (ctx) => {
      if (any) return '*';
      const origin = ctx.get('Origin');
      return listed.has(origin) ? origin : '';
    },
    allowMethods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: ['Retry-After', 'WWW-Authenticate'],
    maxAge: 600,
  });
}
