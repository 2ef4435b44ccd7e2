import { randomUUID } from 'node:crypto';
import { Router } from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataRoutes } from '../../src/api/http-app.js';
import type { Harness } from './http-app-harness.js';
import { json, startHttpApp } from './http-app-harness.js';

const KEY = 'k-7c1f0e';
const UNKNOWN_TRACE = randomUUID();

interface Route {
  method: string;
  path: string;
  /** Status once authorised (the route's own answer). */
  status: number;
  body?: string;
  type?: string;
}

/** Every data route: each needs the key (spec §3.2, fixed §10.3.1 adds `?api_key=`). */
const DATA_ROUTES: Route[] = [
  { method: 'POST', path: '/events', status: 200, body: '{"events":[]}', type: 'application/json' },
  { method: 'GET', path: '/health', status: 200 },
  { method: 'GET', path: '/status', status: 200 },
  { method: 'GET', path: '/metrics', status: 200 },
  { method: 'GET', path: '/api/traces', status: 200 },
  { method: 'GET', path: `/api/traces/${UNKNOWN_TRACE}`, status: 404 },
  { method: 'GET', path: `/api/traces/${UNKNOWN_TRACE}/audit-trail/x`, status: 404 },
  { method: 'GET', path: `/api/traces/${UNKNOWN_TRACE}/critical-path`, status: 404 },
  { method: 'GET', path: `/api/traces/${UNKNOWN_TRACE}/anomalies`, status: 200 },
  { method: 'GET', path: `/api/traces/${UNKNOWN_TRACE}/dependencies`, status: 404 },
  { method: 'GET', path: `/api/traces/${UNKNOWN_TRACE}/races`, status: 404 },
  { method: 'GET', path: `/api/traces/${UNKNOWN_TRACE}/graph`, status: 404 },
  { method: 'DELETE', path: `/api/traces/${UNKNOWN_TRACE}`, status: 404 },
  { method: 'GET', path: '/api/analyze/global', status: 200 },
  { method: 'GET', path: '/api/services', status: 200 },
  { method: 'GET', path: '/api/services/health', status: 200 },
  { method: 'GET', path: '/api/services/a/traces', status: 200 },
  { method: 'GET', path: '/api/services/a/dependencies', status: 200 },
  { method: 'GET', path: '/api/services/a/performance', status: 404 },
  { method: 'GET', path: '/api/performance/metrics', status: 200 },
  { method: 'GET', path: '/api/distributed/edges', status: 200 },
  { method: 'GET', path: '/api/distributed/global-races', status: 200 },
  { method: 'GET', path: '/api/distributed/hotspots', status: 200 },
  { method: 'GET', path: '/api/stream', status: 200 },
  { method: 'POST', path: '/v1/traces', status: 200, body: '{}', type: 'application/json' },
  { method: 'POST', path: '/v1/logs', status: 200, body: '{}', type: 'application/json' },
];

/** Never behind auth: probes, the old UI's session check, the dashboard. */
const OPEN_ROUTES: Route[] = [
  { method: 'GET', path: '/healthz', status: 200 },
  { method: 'GET', path: '/readyz', status: 200 },
  { method: 'GET', path: '/auth/check', status: 200 },
  { method: 'GET', path: '/', status: 200 },
];

const KEY_FORMS: Array<[string, Record<string, string>, string]> = [
  ['Authorization: Bearer', { Authorization: `Bearer ${KEY}` }, ''],
  ['Authorization: bearer (any case)', { Authorization: `bearer ${KEY}` }, ''],
  ['X-Raceway-API-Key', { 'X-Raceway-API-Key': KEY }, ''],
  ['X-Raceway-Key', { 'X-Raceway-Key': KEY }, ''],
  ['?api_key=', {}, `api_key=${KEY}`],
];

async function call(h: Harness, route: Route, headers: Record<string, string>, query = '') {
  const sep = route.path.includes('?') ? '&' : '?';
  const abort = new AbortController();
  const res = await fetch(`${h.url}${route.path}${query ? sep + query : ''}`, {
    method: route.method,
    headers: { ...(route.type ? { 'Content-Type': route.type } : {}), ...headers },
    signal: abort.signal,
    ...(route.body === undefined ? {} : { body: route.body }),
  });
  // The stream never ends by itself: status and headers are all we need.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    abort.abort();
    return { status: res.status, headers: res.headers, text: '' };
  }
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('API keys on every route', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpApp({
      api: { apiKeys: ['other-key', KEY] },
      otlp: () =>
        Promise.resolve({ status: 200, contentType: 'application/json', body: Buffer.from('{}') }),
    });
  });
  afterAll(() => h.close());

  describe.each(DATA_ROUTES)('$method $path', (route) => {
    it('answers 401 with the old body, a challenge and a hint without a key', async () => {
      const res = await call(h, route, {});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = JSON.parse(res.text);
      const hint = /Authorization: Bearer.*X-Raceway-API-Key.*X-Raceway-Key.*api_key/;
      // OTLP clients read a google.rpc.Status (UNAUTHENTICATED) instead, the hint in its message.
      if (route.path.startsWith('/v1/')) {
        expect(body.code).toBe(16);
        expect(body.message).toMatch(hint);
        return;
      }
      expect(body).toMatchObject({ success: false, data: null, error: 'Unauthorized' });
      expect(body.hint).toMatch(hint);
    });

    it('answers 401 for a wrong key', async () => {
      const res = await call(h, route, { Authorization: 'Bearer nope' });
      expect(res.status).toBe(401);
    });

    it.each(KEY_FORMS)('lets the key through as %s', async (_form, headers, query) => {
      const res = await call(h, route, headers, query);
      expect(res.status).toBe(route.status);
    });
  });

  it('covers every route of the data router', () => {
    // The app's own list of data routes, so a route added there cannot be left out here.
    const router = new Router();
    dataRoutes(router, h.deps);
    const missing = router.stack
      .filter((layer) => layer.methods.length > 0)
      .filter(
        (layer) =>
          !DATA_ROUTES.some(
            (route) =>
              layer.methods.includes(route.method) && layer.match(route.path.split('?')[0]!),
          ),
      )
      .map((layer) => `${layer.methods.join('/')} ${String(layer.path)}`);
    expect(missing).toEqual([]);
  });

  it.each(OPEN_ROUTES)('never asks a key for $method $path', async (route) => {
    const res = await call(h, route, {});
    expect(res.status).toBe(route.status);
  });

  it('reports auth state at /auth/check', async () => {
    expect(await json(await fetch(`${h.url}/auth/check`))).toEqual({
      authenticated: false,
      auth_required: true,
    });
    const withKey = await fetch(`${h.url}/auth/check`, { headers: { 'X-Raceway-Key': KEY } });
    expect(await json(withKey)).toEqual({ authenticated: true, auth_required: true });
  });
});
