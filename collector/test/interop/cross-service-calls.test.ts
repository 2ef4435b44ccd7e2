import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import {
  decodeRacewayClock,
  eventOf,
  eventsOf,
  getData,
  loadInteropFixture,
  replay,
  traceOf,
  type Json,
} from './interop-fixture.js';

/**
 * Calls between services with the real old SDKs' propagation (`propagationHeaders()` /
 * `propagation_headers()` / `client.request()`), spec §2, §9 S9b and S10. In every trace the caller writes
 * `ledger.total`, then calls a service that reads and writes it: the call orders the accesses, so none of
 * them is a race.
 */
const checkout = loadInteropFixture('ts-to-python-checkout'); // TS → Python
const relay = loadInteropFixture('python-to-python-relay'); // Python → Python
const mixed = loadInteropFixture('python-to-ts-and-ts-to-ts'); // Python → TS, TS → TS

/** [fixture, trace prefix, caller's write, callee's first event] of each call. */
const CALLS = {
  'TS → Python': [checkout, '72b18860', '41b871cc', '0e154249'],
  'Python → Python': [relay, '70b4f360', 'e075ded3', '5f70eec2'],
  'Python → TS': [mixed, '4ad6aada', '1f5aec59', '56eeba33'],
  'TS → TS': [mixed, '5ade5cf0', '4a09487b', '5b017e0e'],
} as const;
type Call = keyof typeof CALLS;

async function racesOf(c: TestCollector, call: Call): Promise<Json> {
  const [fixture, tracePrefix] = CALLS[call];
  return getData(c.url, `/api/traces/${traceOf(fixture, tracePrefix)}/races`);
}

async function callEdgeOf(c: TestCollector, call: Call): Promise<Json> {
  const [fixture, tracePrefix, callerWrite, calleeFirst] = CALLS[call];
  const graph = await getData(c.url, `/api/traces/${traceOf(fixture, tracePrefix)}/graph`);
  return graph.edges.find(
    (e: Json) =>
      e.from === eventOf(fixture, callerWrite).id && e.to === eventOf(fixture, calleeFirst).id,
  );
}

async function collectorWith(skewToleranceMs?: number): Promise<TestCollector> {
  const c = await startTestCollector(skewToleranceMs === undefined ? {} : { skewToleranceMs });
  await replay(c.url, checkout);
  await replay(c.url, relay, { Authorization: 'Bearer ignored-when-auth-is-off' });
  await replay(c.url, mixed);
  return c;
}

describe('old SDKs calling each other, default configuration', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await collectorWith();
  });
  afterAll(() => c.close());

  it('keeps TS → Python in one trace with the propagated span ids and clock (S10)', async () => {
    const headers = checkout.propagated_headers as Record<string, string>;
    const clock = decodeRacewayClock(headers['raceway-clock']!);
    const traceId = traceOf(checkout, '72b18860');
    const callerSpan = eventOf(checkout, '41b871cc').metadata.distributed_span_id as string;
    expect(headers.traceparent).toBe(`00-${traceId.replaceAll('-', '')}-${clock.span_id}-01`);
    expect(clock).toEqual({
      trace_id: traceId,
      span_id: '3736f921ee219d2f',
      parent_span_id: callerSpan,
      service: 'checkout-api',
      instance: 'host-1',
      clock: [['checkout-api#host-1', 4]],
    });

    const trace = await getData(c.url, `/api/traces/${traceId}`);
    const callee = trace.events.filter((e: Json) => e.metadata.service_name === 'ledger-service');
    expect(callee).toHaveLength(4);
    for (const e of callee) {
      expect(e.trace_id).toBe(traceId);
      expect(e.metadata.distributed_span_id).toBe(clock.span_id);
      expect(e.metadata.upstream_span_id).toBe(callerSpan);
    }
    expect(eventOf(checkout, '0e154249').causality_vector).toEqual([
      ['checkout-api#host-1', 4],
      ['ledger-service#py-1', 1],
    ]);
  });

  it('links TS callees to their Python and TS callers by span ids; a TS callee sends no clock (S10)', async () => {
    for (const call of ['Python → TS', 'TS → TS'] as const) {
      const [fixture, tracePrefix, callerWrite, calleeFirst] = CALLS[call];
      const caller = eventOf(fixture, callerWrite);
      const trace = await getData(c.url, `/api/traces/${traceOf(fixture, tracePrefix)}`);
      const callee = trace.events.filter((e: Json) => e.metadata.service_name === 'ts-ledger');
      expect(callee, call).toHaveLength(4);
      const spans = new Set(callee.map((e: Json) => e.metadata.distributed_span_id));
      expect(spans.size, call).toBe(1);
      expect(spans.has(caller.metadata.distributed_span_id), call).toBe(false);
      for (const e of callee) {
        expect(e.metadata.upstream_span_id, call).toBe(caller.metadata.distributed_span_id);
        expect(e.trace_id, call).toBe(caller.trace_id);
      }
      expect(eventOf(fixture, calleeFirst).causality_vector, call).toEqual([]);
    }
  });

  it('serves a per-trace dependency edge for each call', async () => {
    const expected: Record<Call, [string, string]> = {
      'TS → Python': ['checkout-api', 'ledger-service'],
      'Python → Python': ['relay-service', 'audit-service'],
      'Python → TS': ['relay-service', 'ts-ledger'],
      'TS → TS': ['checkout-api', 'ts-ledger'],
    };
    for (const [call, [from, to]] of Object.entries(expected)) {
      const [fixture, tracePrefix] = CALLS[call as Call];
      const deps = await getData(
        c.url,
        `/api/traces/${traceOf(fixture, tracePrefix)}/dependencies`,
      );
      expect(deps.dependencies, call).toEqual([{ from, to, call_count: 1 }]);
    }
  });

  it('Python → Python: the propagated clock orders the caller write before the callee (0 races)', async () => {
    expect(await callEdgeOf(c, 'Python → Python')).toMatchObject({ type: 'call' });
    expect((await racesOf(c, 'Python → Python')).potential_races).toBe(0);
  });

  // Whenever a TypeScript SDK is at either end, the callee's clock cannot be placed in the caller's events
  // (the TS SDK sends [[rootId, n]], never `svc#inst`): the call edge comes from the time rule, whose
  // tolerance must stay well under a local call's 5–40 ms.
  for (const call of ['TS → Python', 'Python → TS', 'TS → TS'] as const) {
    it(`${call}: the call orders the caller write before the callee (0 races)`, async () => {
      expect((await racesOf(c, call)).potential_races).toBe(0);
    });
  }
});

describe('old SDKs calling each other, skew tolerance below the call latency', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await collectorWith(1);
  });
  afterAll(() => c.close());

  it('orders every call by time when the callee carries no usable clock: a call edge, 0 races', async () => {
    for (const call of Object.keys(CALLS) as Call[]) {
      expect(await callEdgeOf(c, call), call).toMatchObject({ type: 'call' });
      expect((await racesOf(c, call)).potential_races, call).toBe(0);
    }
  });

  it('reports no cross-trace race between these captures, taken seconds apart', async () => {
    const global = await getData(c.url, '/api/analyze/global');
    const traces = new Set(
      [checkout, relay, mixed].flatMap((f) => eventsOf(f).map((e: Json) => e.trace_id)),
    );
    for (const r of global.race_details) {
      expect(traces.has(r.trace1_id) && traces.has(r.trace2_id), JSON.stringify(r)).toBe(false);
    }
  });
});
