import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { getJson, json, postEvents } from './http-app-harness.js';
import { s1Root, s1Trace } from './s1-trace.js';

/** Spec §9 S11 (`raceway-test/tests/api.rs`), end to end against the collector `raceway serve` builds. */
describe('S11 — ingestion and API validation', () => {
  let c: TestCollector;
  afterEach(() => c.close());

  it('lists nothing on an empty server', async () => {
    c = await startTestCollector();
    const { body } = await getJson(c.url, '/api/traces');
    expect(body.data.traces).toEqual([]);
    expect(body.data.total_traces).toBe(0);
  });

  it('ingests an empty batch', async () => {
    c = await startTestCollector();
    const res = await postEvents(c.url, { events: [] });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ success: true, data: 'Ingested 0 events', error: null });
  });

  it('refuses a batch whose only event is just an id, storing nothing', async () => {
    c = await startTestCollector();
    const res = await postEvents(c.url, { events: [{ id: randomUUID() }] });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ success: false, data: null });
    expect((await getJson(c.url, '/api/traces')).body.data.total_traces).toBe(0);
  });

  it('refuses a body without "events"', async () => {
    c = await startTestCollector();
    const res = await postEvents(c.url, { not_events: 'invalid' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await json(res)).toMatchObject({ success: false, data: null });
  });

  it('stores 100 copies of the S1 root in one trace and returns all 100', async () => {
    c = await startTestCollector();
    const trace = randomUUID();
    const events = Array.from({ length: 100 }, (_, i) => s1Root(trace, i));
    const res = await postEvents(c.url, { events });
    expect(res.status).toBe(200);
    expect((await json(res)).data).toBe('Ingested 100 events');
    const { status, body } = await getJson(c.url, `/api/traces/${trace}`);
    expect(status).toBe(200);
    expect(body.data.events).toHaveLength(100);
  });

  it('pages 15 traces 10 at a time, and serves page=0 as page 1', async () => {
    c = await startTestCollector();
    for (let i = 0; i < 15; i++) await postEvents(c.url, { events: s1Trace() });
    const page1 = (await getJson(c.url, '/api/traces?page=1&page_size=10')).body.data;
    expect(page1.traces.length).toBeLessThanOrEqual(10);
    expect(page1.total_traces).toBeGreaterThanOrEqual(15);
    const page2 = (await getJson(c.url, '/api/traces?page=2&page_size=10')).body.data;
    expect(page2.traces.length).toBeGreaterThan(0);
    const page0 = await getJson(c.url, '/api/traces?page=0&page_size=10');
    expect(page0.status).toBe(200);
    expect(page0.body.data.traces).toEqual(page1.traces);
    const s1 = page1.traces[0];
    expect(s1).toMatchObject({ event_count: 4, services: ['web'], service_count: 1 });
  });

  it('answers 400 for a malformed trace id and 404 for an unknown one', async () => {
    c = await startTestCollector();
    const bad = await getJson(c.url, '/api/traces/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      success: false,
      data: null,
      error: 'Invalid trace ID format: "not-a-uuid" is not a UUID (hyphenated or 32 hex digits)',
    });
    const id = randomUUID();
    const missing = await getJson(c.url, `/api/traces/${id}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      success: false,
      data: null,
      error: `Failed to fetch trace: Trace not found: ${id}`,
    });
  });

  it('lists 5 traces submitted rapidly', async () => {
    c = await startTestCollector();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => postEvents(c.url, { events: s1Trace() })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const { body } = await getJson(c.url, '/api/traces?page_size=20');
    expect(body.data.traces.length).toBeGreaterThanOrEqual(5);
  });

  it('applies min_events', async () => {
    c = await startTestCollector();
    for (let i = 0; i < 3; i++) await postEvents(c.url, { events: s1Trace() });
    expect((await getJson(c.url, '/api/traces?min_events=5')).body.data.total_traces).toBe(0);
    expect((await getJson(c.url, '/api/traces?min_events=4')).body.data.total_traces).toBe(3);
  });

  it('asks for the key on /api/*, /events and /health, and takes Bearer or X-Raceway-Key', async () => {
    c = await startTestCollector({ apiKeys: ['k'] });
    const requests: Array<[string, RequestInit]> = [
      ['/api/traces', {}],
      ['/api/analyze/global', {}],
      ['/health', {}],
      [
        '/events',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ events: s1Trace() }),
        },
      ],
    ];
    for (const [path, init] of requests) {
      const denied = await fetch(`${c.url}${path}`, init);
      expect(denied.status).toBe(401);
      expect(await json(denied)).toMatchObject({
        success: false,
        data: null,
        error: 'Unauthorized',
      });
      for (const key of [{ Authorization: 'Bearer k' }, { 'X-Raceway-Key': 'k' }]) {
        const headers = { ...(init.headers as Record<string, string> | undefined), ...key };
        const allowed = await fetch(`${c.url}${path}`, { ...init, headers });
        expect(allowed.status).toBe(200);
        expect((await json(allowed)).success).toBe(true);
      }
    }
  });
});
