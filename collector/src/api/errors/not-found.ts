import type { Middleware } from 'koa';
import { routeNotFound } from './http-errors.js';

/** A request nothing answered gets the JSON envelope, so clients never parse an HTML or text 404. */
export function notFound(): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) throw routeNotFound(ctx.method, ctx.path);
  };
}
