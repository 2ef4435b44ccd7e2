import type { Router } from '@koa/router';
import { failure } from '../envelope.js';
import type { KeyRing } from './api-key.js';
import { requestKey } from './request-key.js';

/**
 * The old UI's session routes (spec §3.2), kept so old dashboards load. There is no UI password here:
 * the API key is the only credential, so `/auth/check` reports whether the request carries a valid one,
 * and login/logout answer as the old server did with UI auth disabled.
 */
export function authRoutes(router: Router, keys: KeyRing): void {
  router.get('/auth/check', (ctx) => {
    ctx.body = { authenticated: keys.accepts(requestKey(ctx)), auth_required: !keys.open };
  });

  router.post('/auth/login', (ctx) => {
    ctx.status = 400;
    ctx.body = failure('UI authentication is not enabled');
  });

  router.post('/auth/logout', (ctx) => {
    ctx.body = { success: true, message: 'Logged out successfully' };
  });
}
