import type { Context } from 'koa';
import { presentedKey } from './api-key.js';

/** The API key a request presents, from any accepted header or `?api_key=` (spec §10.3.1). */
export function requestKey(ctx: Context): string | undefined {
  return presentedKey({
    authorization: ctx.get('Authorization') || undefined,
    'x-raceway-api-key': ctx.get('X-Raceway-API-Key') || undefined,
    'x-raceway-key': ctx.get('X-Raceway-Key') || undefined,
    queryKey: firstValue(ctx.query['api_key']),
  });
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
