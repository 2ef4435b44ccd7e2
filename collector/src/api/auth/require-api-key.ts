import type { Middleware } from 'koa';
import { failure } from '../envelope.js';
import type { KeyRing } from './api-key.js';
import { requestKey } from './request-key.js';

export const KEY_FORMS_HINT =
  "Send the API key as 'Authorization: Bearer <key>', 'X-Raceway-API-Key: <key>', " +
  "'X-Raceway-Key: <key>' or '?api_key=<key>'";

/**
 * Refuses a data route without a valid key: 401 with the old body (spec §3.2), a `WWW-Authenticate`
 * challenge and a hint naming the accepted forms. Open when no key is configured.
 */
export function requireApiKey(keys: KeyRing): Middleware {
  return async (ctx, next) => {
    if (keys.accepts(requestKey(ctx))) {
      await next();
      return;
    }
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer realm="raceway"');
    ctx.body = failure('Unauthorized', { hint: KEY_FORMS_HINT });
  };
}
