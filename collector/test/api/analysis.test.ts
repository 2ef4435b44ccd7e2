import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/engine/analyzer.js';
import { ManualClock } from '../../src/testing/manual-clock.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import type { Harness } from './http-app-harness.js';
import { getJson, json, postEvents, startHttpApp } from './http-app-harness.js';

/** The harness clock's time: `/api/services/health` judges activity against it. */
const NOW = new ManualClock().now();

describe('cross-trace routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpApp();
    await postEvents(h.url, { events: realisticBatch({ events: 21, services: ['a', 'b'] }) });
  });
  afterAll(() => h.close());

  it.each([
    ['/api/analyze/global', (e: Analyzer) => e.globalAnalysis(100)],
    ['/api/analyze/global?limit=1', (e: Analyzer) => e.globalAnalysis(1)],
    [
      '/api/services',
      (e: Analyzer) => ({ total_services: e.services().length, services: e.services() }),
    ],
    ['/api/services/health', (e: Analyzer) => e.serviceHealth(60, NOW)],
    ['/api/services/health?time_window_minutes=5', (e: Analyzer) => e.serviceHealth(5, NOW)],
    ['/api/services/a/dependencies', (e: Analyzer) => e.serviceDependencies('a')],
    ['/api/services/a/performance', (e: Analyzer) => e.servicePerformance('a')],
    ['/api/performance/metrics', (e: Analyzer) => e.performance(50)],
    ['/api/performance/metrics?limit=5', (e: Analyzer) => e.performance(5)],
    [
      '/api/distributed/edges',
      (e: Analyzer) => ({ total_edges: e.distributedEdges().length, edges: e.distributedEdges() }),
    ],
    [
      '/api/distributed/global-races',
      (e: Analyzer) => ({
        total_races: e.globalRaceCandidates().length,
        races: e.globalRaceCandidates(),
      }),
    ],
    ['/api/distributed/hotspots', (e: Analyzer) => e.hotspots()],
  ])('GET %s answers the engine result in the envelope', async (path, expected) => {
    const { status, body } = await getJson(h.url, path);
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      data: JSON.parse(JSON.stringify(expected(h.deps.analyzer))),
      error: null,
    });
  });

  it('lists one service’s traces with the spec’s default page size of 100', async () => {
    const { body } = await getJson(h.url, '/api/services/b/traces');
    expect(body.data).toMatchObject({
      service_name: 'b',
      total_traces: 1,
      page: 1,
      page_size: 100,
      total_pages: 1,
    });
    expect(body.data.traces[0].services).toEqual(['b']);
  });

  it('addresses a service whose name contains a slash (spec §3.3 could not)', async () => {
    await postEvents(h.url, { events: realisticBatch({ events: 7, services: ['billing/eu'] }) });
    const { body } = await getJson(h.url, '/api/services/billing%2Feu/traces');
    expect(body.data).toMatchObject({ service_name: 'billing/eu', total_traces: 1 });
  });

  it('reports one service’s performance by operation from every event of it', async () => {
    const { body } = await getJson(h.url, '/api/services/b/performance');
    const perf = body.data;
    expect(perf).toMatchObject({ service_name: 'b', trace_count: 1 });
    const counted = perf.operations.reduce((n: number, o: { count: number }) => n + o.count, 0);
    expect(counted).toBe(perf.event_count);
    const services = (await getJson(h.url, '/api/services')).body.data.services;
    expect(services.find((s: { name: string }) => s.name === 'b').event_count).toBe(
      perf.event_count,
    );
  });

  it('answers 404 naming a service no event in memory carries', async () => {
    const { status, body } = await getJson(h.url, '/api/services/nobody/performance');
    expect(status).toBe(404);
    expect(body).toEqual({ success: false, data: null, error: 'Service not found: "nobody"' });
  });

  it('quotes the service name it did not find, control characters escaped', async () => {
    const { body } = await getJson(
      h.url,
      `/api/services/${encodeURIComponent('a\nb')}/performance`,
    );
    expect(body).toMatchObject({ error: 'Service not found: "a\\nb"' });
  });

  it.each([
    '/api/services/health?time_window_minutes=0',
    '/api/performance/metrics?limit=x',
    '/api/services/a/traces?page_size=0',
  ])('refuses %s with a 400', async (path) => {
    expect((await getJson(h.url, path)).status).toBe(400);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const { status, body } = await getJson(h.url, '/api/nope');
    expect(status).toBe(404);
    expect(body).toEqual({ success: false, data: null, error: 'Not found: GET /api/nope' });
  });

  it('answers a wrong method on a known path with a JSON 405', async () => {
    const res = await fetch(`${h.url}/api/traces`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect((await json(res)).success).toBe(false);
  });
});
