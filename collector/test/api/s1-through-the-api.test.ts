import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { getJson, postEvents } from './http-app-harness.js';
import { s1Trace } from './s1-trace.js';
import { openSse } from './sse-client.js';

/**
 * Spec §9 S1 as an API client sees it: every per-trace route serves what the engine found, with the
 * computed causality merged into the stored events, and the live stream announces the race.
 */
describe('S1 through the API', () => {
  let c: TestCollector;
  const events = s1Trace();
  const traceId = events[0]!.trace_id;
  const get = async (path: string) => (await getJson(c.url, path)).body.data;
  beforeAll(async () => {
    c = await startTestCollector();
  });
  afterAll(() => c.close());

  it('announces the trace and its race on the live stream', async () => {
    const stream = await openSse(`${c.url}/api/stream`);
    try {
      expect((await postEvents(c.url, { events })).status).toBe(200);
      const frames = await stream.until((f) => f.event === 'race');
      const trace = frames.find((f) => f.event === 'trace');
      expect(JSON.parse(trace!.data!)).toMatchObject({ trace_id: traceId, created: true });
      expect(JSON.parse(frames.at(-1)!.data!)).toMatchObject({
        trace_id: traceId,
        variable: 'balance',
        severity: 'CRITICAL',
      });
    } finally {
      stream.close();
    }
  });

  it('serves the stored events with their computed clock, locks and context', async () => {
    const data = await get(`/api/traces/${traceId}`);
    expect(data.events.map((e: { id: string }) => e.id)).toEqual(events.map((e) => e.id));
    for (const e of data.events) {
      expect(e.context).toEqual(expect.any(String));
      expect(e.clock.length).toBeGreaterThan(0);
      expect(e.locks_held).toEqual([]);
      expect(e.causality_vector).toEqual([]);
      // The interval the engine uses: S1's events are hand-written (no SDK tag), so stamped at their start.
      expect(e.start_us).toBe(e.time_us);
      expect(e.end_us).toBe(e.time_us + (e.metadata.duration_ns ?? 0) / 1000);
    }
    expect(data.analysis.potential_races).toBe(1);
    expect(data.analysis.race_details[0]).toMatchObject({
      severity: 'CRITICAL',
      variable: 'balance',
      event1_thread: 'worker-1',
      event2_thread: 'worker-2',
      event1_location: 'balance.rs:12',
      event2_location: 'balance.rs:45',
    });
    expect(data.analysis.anomalies[0]).toBe('🚨 CRITICAL RACE on balance');
    expect(data.audit_trails.balance).toHaveLength(2);
  });

  it('serves the races, audit trail and graph routes from the same analysis', async () => {
    const races = await get(`/api/traces/${traceId}/races`);
    expect(races).toMatchObject({ trace_id: traceId, potential_races: 1 });
    const trail = await get(`/api/traces/${traceId}/audit-trail/balance`);
    expect(trail.accesses.map((a: { is_race: boolean }) => a.is_race)).toEqual([false, true]);
    // Each write names the other as its racing partner, earlier or later.
    const [first, second] = trail.accesses as Array<{ event_id: string; race_partners: string[] }>;
    expect(trail.accesses).toMatchObject([
      { race_partners: [second!.event_id], race_partner_count: 1 },
      { race_partners: [first!.event_id], race_partner_count: 1 },
    ]);
    const graph = await get(`/api/traces/${traceId}/graph`);
    expect(graph.nodes).toHaveLength(4);
    expect(graph.races).toHaveLength(1);
  });

  it('lists the trace under the race and variable filters', async () => {
    const racing = await get('/api/traces?has_races=true');
    expect(racing.traces.map((t: { trace_id: string }) => t.trace_id)).toEqual([traceId]);
    expect(racing.traces[0]).toMatchObject({ has_races: true, race_count: 1 });
    const touching = await get('/api/traces?variable=balance');
    expect(touching.total_traces).toBe(1);
    expect((await get('/api/traces?variable=other')).total_traces).toBe(0);
  });
});
