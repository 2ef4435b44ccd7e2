import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './http-app-harness.js';
import { getJson, startHttpApp } from './http-app-harness.js';

describe('rate limit', () => {
  let h: Harness;
  afterEach(() => h.close());

  const limited = (apiKeys: string[] = []) =>
    startHttpApp({ api: { apiKeys, rateLimit: { enabled: true, requestsPerMinute: 3 } } });

  it('answers 429 with Retry-After once the budget is spent, and again later', async () => {
    h = await limited();
    for (let i = 0; i < 3; i++) expect((await getJson(h.url, '/api/traces')).status).toBe(200);
    const refused = await getJson(h.url, '/api/traces');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('20');
    expect(refused.body).toEqual({ success: false, data: null, error: 'Too Many Requests' });
    h.clock.advance(20_000);
    expect((await getJson(h.url, '/api/traces')).status).toBe(200);
    expect((await getJson(h.url, '/api/traces')).status).toBe(429);
  });

  it('gives each API key its own budget', async () => {
    h = await limited(['alpha', 'beta']);
    for (let i = 0; i < 3; i++)
      await getJson(h.url, '/api/traces', { Authorization: 'Bearer alpha' });
    expect((await getJson(h.url, '/api/traces', { 'X-Raceway-Key': 'alpha' })).status).toBe(429);
    expect((await getJson(h.url, '/api/traces', { 'X-Raceway-Key': 'beta' })).status).toBe(200);
  });

  it('does not trust X-Forwarded-For to hand out fresh budgets', async () => {
    h = await limited();
    for (let i = 0; i < 3; i++)
      await getJson(h.url, '/api/traces', { 'X-Forwarded-For': `10.0.0.${i}` });
    const res = await getJson(h.url, '/api/traces', { 'X-Forwarded-For': '10.0.0.99' });
    expect(res.status).toBe(429);
  });

  it('never limits the probes', async () => {
    h = await limited();
    for (let i = 0; i < 5; i++) await getJson(h.url, '/api/traces');
    expect((await getJson(h.url, '/healthz')).status).toBe(200);
    expect((await getJson(h.url, '/readyz')).status).toBe(200);
  });
});
