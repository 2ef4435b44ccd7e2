import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import type { Harness } from './http-app-harness.js';
import { getJson, json, postEvents, startHttpApp } from './http-app-harness.js';

describe('cross-trace routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpApp();
    await postEvents(h.url, { events: realisticBatch({ events: 21, services: ['a', 'b'] }) });
  });
  afterAll(() => h.close());

  it.each([
    ['/api/analyze/global', { total_traces: 0, potential_races: 0, race_details: [] }],
    ['/api/services', { total_services: 0, services: [] }],
    ['/api/services/health', []],
    ['/api/services/health?time_window_minutes=5', []],
    ['/api/services/a/dependencies', { service_name: 'a', calls_to: [], called_by: [] }],
    ['/api/performance/metrics', { service_latency: [] }],
    ['/api/performance/metrics?limit=5', { service_latency: [] }],
    ['/api/distributed/edges', { total_edges: 0, edges: [] }],
    ['/api/distributed/global-races', { total_races: 0, races: [] }],
    ['/api/distributed/hotspots', { top_variables: [], top_service_calls: [] }],
  ])('GET %s answers the engine result in the envelope', async (path, data) => {
    const { status, body } = await getJson(h.url, path);
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, error: null, data });
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
