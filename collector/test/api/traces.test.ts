import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import type { Harness } from './http-app-harness.js';
import { getJson, json, postEvents, startHttpApp } from './http-app-harness.js';
import { eventInterval } from '../../src/model/event-interval.js';

/** A value as it looks after a JSON round trip. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const RFC3339_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('trace routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHttpApp();
  });
  afterEach(() => h.close());

  /** `count` traces of 7 events each, spread over `services`; returns their ids, oldest first. */
  async function seed(count: number, services?: string[]): Promise<string[]> {
    const events = realisticBatch({ events: count * 7, ...(services ? { services } : {}) });
    expect((await postEvents(h.url, { events })).status).toBe(200);
    return [...new Set(events.map((e) => e.trace_id))];
  }

  it('lists nothing on an empty server', async () => {
    const { status, body } = await getJson(h.url, '/api/traces');
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      data: { total_traces: 0, page: 1, page_size: 20, total_pages: 0, traces: [] },
      error: null,
    });
  });

  it('pages the list newest first with RFC 3339 Z timestamps', async () => {
    const ids = await seed(15);
    const first = (await getJson(h.url, '/api/traces?page=1&page_size=10')).body.data;
    const second = (await getJson(h.url, '/api/traces?page=2&page_size=10')).body.data;
    expect(first).toMatchObject({ total_traces: 15, page: 1, page_size: 10, total_pages: 2 });
    expect(first.traces).toHaveLength(10);
    expect(second.traces).toHaveLength(5);
    expect(first.traces[0].trace_id).toBe(ids[14]);
    for (const t of first.traces) {
      expect(t.first_timestamp).toMatch(RFC3339_Z);
      expect(t.last_timestamp).toMatch(RFC3339_Z);
    }
  });

  it('serves page 1 for page=0 and says so', async () => {
    await seed(3);
    const { status, body } = await getJson(h.url, '/api/traces?page=0&page_size=10');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ page: 1, total_traces: 3 });
    expect(body.data.traces).toHaveLength(3);
  });

  it('serves at most 10 000 traces a page, and says so', async () => {
    await seed(2);
    const { body } = await getJson(h.url, '/api/traces?page_size=50000');
    expect(body.data).toMatchObject({ page_size: 10_000, total_traces: 2, total_pages: 1 });
  });

  it.each(['page_size=0', 'page_size=-1', 'page_size=abc', 'page=x'])(
    'refuses %s with a 400 and the reason',
    async (query) => {
      const { status, body } = await getJson(h.url, `/api/traces?${query}`);
      expect(status).toBe(400);
      expect(body.success).toBe(false);
      expect(body.error).toMatch(/page/);
    },
  );

  it('filters by min_events, service and trace id prefix', async () => {
    const ids = await seed(4, ['payments', 'ledger']);
    const short = realisticBatch({ events: 4 });
    await postEvents(h.url, { events: short });

    expect((await getJson(h.url, '/api/traces?min_events=5')).body.data.total_traces).toBe(4);
    expect((await getJson(h.url, '/api/traces?min_events=1')).body.data.total_traces).toBe(5);
    const ledger = (await getJson(h.url, '/api/traces?service=ledger')).body.data;
    expect(ledger.traces.map((t: { trace_id: string }) => t.trace_id).sort()).toEqual(
      [ids[1], ids[3]].sort(),
    );
    const prefix = ids[2]!.slice(0, 13).toUpperCase();
    const found = (await getJson(h.url, `/api/traces?q=${prefix}`)).body.data;
    expect(found.traces.map((t: { trace_id: string }) => t.trace_id)).toEqual([ids[2]]);
    const typed = await getJson(h.url, '/api/traces?q=no%20such%20trace');
    expect(typed.status).toBe(200);
    expect(typed.body.data.total_traces).toBe(0);
  });

  it('filters by variable and races through the engine’s indexes', async () => {
    const ids = await seed(2);
    const listed = async (query: string) =>
      (
        (await getJson(h.url, `/api/traces?${query}`)).body.data.traces as Array<{
          trace_id: string;
        }>
      )
        .map((t) => t.trace_id)
        .sort();
    expect(await listed('variable=alice.balance')).toEqual([...ids].sort());
    expect(await listed('variable=nobody.balance')).toEqual([]);
    const racing = [...h.deps.analyzer.tracesWithRaces()].sort();
    expect(await listed('has_races=true')).toEqual(racing);
    expect(await listed('has_races=true&variable=nobody.balance')).toEqual([]);
    expect(await listed('has_races=false')).toEqual([...ids].sort());
  });

  it('returns the full analysis of a trace: stored events with computed fields, and the engine’s results', async () => {
    const [id] = await seed(1);
    const { status, body } = await getJson(h.url, `/api/traces/${id}`);
    expect(status).toBe(200);
    const data = body.data;
    const engine = h.deps.analyzer;
    expect(data.trace_id).toBe(id);
    const stored = await h.deps.store.traceEvents(id!);
    expect(data.events).toEqual(
      stored.map((e) => {
        const { startUs, endUs } = eventInterval(e);
        return { ...e, ...engine.computed(e), start_us: startUs, end_us: endUs };
      }),
    );
    expect(data.events[0]).toHaveProperty('clock');
    expect(data.events[0]).toHaveProperty('locks_held');
    expect(data.events[0]).toHaveProperty('context');
    expect(data.audit_trails).toEqual(plain(engine.auditTrails(id!)));
    expect(data.analysis).toEqual(plain(engine.traceRaces(id!)));
    expect(data.critical_path).toEqual(plain(engine.criticalPath(id!)));
    expect(data.anomalies).toEqual(plain(engine.anomalies(id!)));
    expect(data.dependencies).toEqual(plain(engine.dependencies(id!)));
  });

  it('accepts the 32-hex and upper-case forms of a trace id', async () => {
    const [id] = await seed(1);
    expect((await getJson(h.url, `/api/traces/${id!.replaceAll('-', '')}`)).status).toBe(200);
    expect((await getJson(h.url, `/api/traces/${id!.toUpperCase()}`)).body.data.trace_id).toBe(id);
  });

  it.each([
    '',
    '/audit-trail/alice.balance',
    '/critical-path',
    '/anomalies',
    '/dependencies',
    '/races',
    '/graph',
  ])(
    'answers 400 "Invalid trace ID format" naming the id for GET /api/traces/not-a-uuid%s',
    async (suffix) => {
      const { status, body } = await getJson(h.url, `/api/traces/not-a-uuid${suffix}`);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        success: false,
        data: null,
        error: 'Invalid trace ID format: "not-a-uuid" is not a UUID (hyphenated or 32 hex digits)',
      });
    },
  );

  it.each(['', '/audit-trail/x', '/critical-path', '/dependencies', '/races', '/graph'])(
    'answers 404 for an unknown trace on GET /api/traces/<id>%s',
    async (suffix) => {
      const id = randomUUID();
      const { status, body } = await getJson(h.url, `/api/traces/${id}${suffix}`);
      expect(status).toBe(404);
      expect(body).toEqual({
        success: false,
        data: null,
        error: `Failed to fetch trace: Trace not found: ${id}`,
      });
    },
  );

  it('answers anomalies of an unknown trace with an empty list, never 404', async () => {
    const id = randomUUID();
    const { status, body } = await getJson(h.url, `/api/traces/${id}/anomalies`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ trace_id: id, anomaly_count: 0, anomalies: [] });
  });

  it('serves each per-trace analysis as the engine computed it', async () => {
    const [id] = await seed(1);
    const engine = h.deps.analyzer;
    const get = async (suffix: string) =>
      (await getJson(h.url, `/api/traces/${id}${suffix}`)).body.data;
    expect(await get('/audit-trail/alice.balance')).toEqual({
      trace_id: id,
      variable: 'alice.balance',
      accesses: plain(engine.auditTrail(id!, 'alice.balance')),
    });
    expect(await get('/critical-path')).toEqual(plain(engine.criticalPath(id!)));
    expect(await get('/dependencies')).toEqual(plain(engine.dependencies(id!)));
    expect(await get('/races')).toEqual({ trace_id: id, ...plain(engine.traceRaces(id!)) });
    expect(await get('/graph')).toEqual(plain(engine.causalGraph(id!)));
  });

  it('decodes variable names in the audit-trail path', async () => {
    const [id] = await seed(1);
    const path = `/api/traces/${id}/audit-trail/${encodeURIComponent('accounts/alice balance')}`;
    expect((await getJson(h.url, path)).body.data.variable).toBe('accounts/alice balance');
  });

  it('deletes a trace, then no longer finds it', async () => {
    const [id, other] = await seed(2);
    const del = await fetch(`${h.url}/api/traces/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(await json(del)).toEqual({
      success: true,
      data: { trace_id: id, deleted: true },
      error: null,
    });
    expect((await getJson(h.url, `/api/traces/${id}`)).status).toBe(404);
    expect((await getJson(h.url, `/api/traces/${other}`)).status).toBe(200);
    const again = await fetch(`${h.url}/api/traces/${id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it('names a refused id on DELETE too, escaped and cut at 80 characters', async () => {
    const hostile = `${'x'.repeat(100)}"\n`;
    const del = await fetch(`${h.url}/api/traces/${encodeURIComponent(hostile)}`, {
      method: 'DELETE',
    });
    expect(del.status).toBe(400);
    expect(await json(del)).toEqual({
      success: false,
      data: null,
      error: `Invalid trace ID format: "${'x'.repeat(80)}"… is not a UUID (hyphenated or 32 hex digits)`,
    });
  });
});
