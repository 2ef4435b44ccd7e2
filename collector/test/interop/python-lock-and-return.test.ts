import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import {
  eventOf,
  eventsOf,
  getData,
  loadInteropFixture,
  replay,
  traceOf,
  type Json,
} from './interop-fixture.js';

/**
 * The real old Python SDK: `tracked_lock` around a read-modify-write in two concurrent requests, and a
 * service that writes, calls another service (`client.request()`), then writes again after the answer.
 */
describe('old Python SDK: tracked_lock, and writing again after a call returns', () => {
  const fixture = loadInteropFixture('python-lock-and-call-then-write');
  let c: TestCollector;

  beforeAll(async () => {
    c = await startTestCollector();
    await replay(c.url, fixture);
  });
  afterAll(() => c.close());

  it('sees tracked_lock protect both transfers: no race on erin.balance, every access holds erin_lock', async () => {
    const global = await getData(c.url, '/api/analyze/global');
    expect(global.race_details.filter((r: Json) => r.variable === 'erin.balance')).toEqual([]);
    for (const [tracePrefix, ids] of [
      ['5a71f790', ['96b88485', '605045f5']],
      ['dbac0e1b', ['a6495867', '57c215c6']],
    ] as const) {
      const trace = await getData(c.url, `/api/traces/${traceOf(fixture, tracePrefix)}`);
      for (const prefix of ids) {
        const event = trace.events.find((e: Json) => (e.id as string).startsWith(prefix));
        expect(event.locks_held, prefix).toEqual(['erin_lock']);
      }
    }
  });

  it('orders the write before the call into the Python callee (clock call edge)', async () => {
    const graph = await getData(c.url, `/api/traces/${traceOf(fixture, 'e10c984c')}/graph`);
    expect(graph.edges).toContainEqual({
      from: eventOf(fixture, 'c1bd08f1').id,
      to: eventOf(fixture, '68c6108a').id,
      type: 'call',
    });
  });

  it('labels both calls HttpCall: the callee span starts with its HttpRequest, whatever the timestamps say', async () => {
    // The TS callee's first StateChange is stamped 0.8 ms before its parent, the HttpRequest that roots it
    // (pseudo-microseconds).
    const [request, read] = [eventOf(fixture, '62985616'), eventOf(fixture, 'b532781f')];
    expect(read.parent_id).toBe(request.id);
    expect(read.timestamp < request.timestamp).toBe(true);
    const { edges } = await getData(c.url, '/api/distributed/edges');
    expect(
      edges.map((e: Json) => [e.from_service, e.to_service, e.link_type, e.call_count]),
    ).toEqual([
      ['relay-service', 'audit-service', 'HttpCall', 1],
      ['relay-service', 'ts-ledger', 'HttpCall', 1],
    ]);
  });

  /** [trace, the callee's last event, the caller's write after the answer] */
  const RETURNS = {
    'Python → Python': ['e10c984c', '0949669a', 'ecde37af'],
    'Python → TS': ['cb3380fb', '7a0769eb', '6858f0cc'],
  } as const;

  it('shows the answer in the timestamps: the callee ends before the caller writes again', () => {
    for (const [, calleeLast, callerAfter] of Object.values(RETURNS)) {
      const [last, after] = [eventOf(fixture, calleeLast), eventOf(fixture, callerAfter)];
      expect(Date.parse(last.timestamp)).toBeLessThanOrEqual(Date.parse(after.timestamp));
      expect(eventsOf(fixture).some((e: Json) => e.parent_id === after.id)).toBe(true);
    }
  });

  // The old SDKs never send the callee's clock back, so the time rule for returns orders the caller's
  // write after the answer behind everything the callee did.
  for (const [call, [tracePrefix]] of Object.entries(RETURNS)) {
    it(`${call}: the caller's write after the answer does not race with the callee`, async () => {
      const races = await getData(c.url, `/api/traces/${traceOf(fixture, tracePrefix)}/races`);
      expect(races.potential_races).toBe(0);
    });
  }
});
