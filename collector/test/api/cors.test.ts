import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './http-app-harness.js';
import { startHttpApp } from './http-app-harness.js';

const UI = 'https://raceway-ui.example';

function preflight(h: Harness, origin: string, path = '/events') {
  return fetch(`${h.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,last-event-id',
    },
  });
}

describe('CORS', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers a preflight from a listed origin without asking for a key', async () => {
    h = await startHttpApp({ api: { corsOrigins: [UI], apiKeys: ['k'] } });
    const res = await preflight(h, UI);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(UI);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const header of [
      'authorization',
      'content-type',
      'x-raceway-api-key',
      'x-raceway-key',
      'last-event-id',
    ])
      expect(allowed).toContain(header);
  });

  it('gives no CORS headers to an origin that is not listed', async () => {
    h = await startHttpApp({ api: { corsOrigins: [UI] } });
    const res = await preflight(h, 'https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows any origin with *', async () => {
    h = await startHttpApp({ api: { corsOrigins: ['*'] } });
    const res = await preflight(h, 'https://anything.example', '/api/traces');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('adds no CORS headers when no origin is configured', async () => {
    h = await startHttpApp({ api: { corsOrigins: [] } });
    const res = await fetch(`${h.url}/api/traces`, { headers: { Origin: UI } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CORS headers on refusals and exposes Retry-After to the page', async () => {
    h = await startHttpApp({ api: { corsOrigins: [UI], apiKeys: ['k'] } });
    const res = await fetch(`${h.url}/api/traces`, { headers: { Origin: UI } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(UI);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });
});
