import type { Router } from '@koa/router';
import { failure, ok } from '../envelope.js';
import type { HttpAppDeps } from '../http-app-deps.js';

/** Liveness and readiness for load balancers and Kubernetes: never behind auth (fixing spec §10.3.1). */
export function probeRoutes(router: Router, deps: HttpAppDeps): void {
  router.get('/healthz', (ctx) => {
    ctx.body = ok({ status: 'ok' });
  });

  router.get('/readyz', (ctx) => {
    const { ready, phase } = deps.status();
    if (ready) {
      ctx.body = ok({ ready, phase });
      return;
    }
    ctx.status = 503;
    ctx.body = { ...failure(`Not ready (${phase})`), data: { ready, phase } };
  });
}
