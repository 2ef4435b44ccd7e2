import type { Middleware } from 'koa';
import { answerError } from '../errors/error-answer.js';
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
    const sent = requestKey(ctx) === undefined ? 'no API key sent' : 'the API key is not valid';
    answerError(ctx, {
      status: 401,
      message: 'Unauthorized',
      headers: { 'WWW-Authenticate': 'Bearer realm="raceway"' },
      extra: { hint: KEY_FORMS_HINT },
      detail: `${sent}. ${KEY_FORMS_HINT}`,
    });
  };
}
