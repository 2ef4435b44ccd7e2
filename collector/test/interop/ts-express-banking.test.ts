import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import {
  eventOf,
  eventsOf,
  getData,
  loadInteropFixture,
  pairKey,
  replay,
  traceOf,
  type Json,
} from './interop-fixture.js';

/**
 * Spec §9 S6 with the real old TypeScript SDK: an Express banking service (`middleware()`, `trackFunction`,
 * `trackStateChange`, `withLock`, `trackHttpResponse`) serving two concurrent transfers. Without the lock it
 * loses an update (alice ends at 800, not 700); with `withLock` it does not (carol ends at 700).
 */
describe('old TS SDK: Express banking service (S6 lost update)', () => {
  const race = loadInteropFixture('ts-express-transfer-race');
  const locked = loadInteropFixture('ts-express-transfer-locked');
  const sequential = loadInteropFixture('ts-express-sequential-transfers');
  const t1 = traceOf(race, '2be720cd'); // transfer 100: Read 1000, Write 900
  const t2 = traceOf(race, 'ea7f7ad1'); // transfer 200: Read 1000, Write 800
  let c: TestCollector;

  beforeAll(async () => {
    c = await startTestCollector();
    // The two captures were taken ~36 s apart: their traces never overlap in time.
    await replay(c.url, race);
    await replay(c.url, locked);
    await replay(c.url, sequential);
  });
  afterAll(() => c.close());

  it('finds no race inside either request (one async context per request)', async () => {
    for (const t of [t1, t2]) {
      const races = await getData(c.url, `/api/traces/${t}/races`);
      expect(races.potential_races).toBe(0);
    }
  });

  it('orders each request by parent_id even where a child is stamped before its parent', async () => {
    // trackFunction records its FunctionCall after the body; its pseudo-microsecond timestamp lands before
    // the Write it follows.
    const write = eventOf(race, '8001101e');
    const call = eventOf(race, 'bd7cf52f');
    expect(call.parent_id).toBe(write.id);
    expect(call.timestamp < write.timestamp).toBe(true);
    const trace = await getData(c.url, `/api/traces/${t1}`);
    const clockOf = (id: string): number =>
      trace.events.find((e: Json) => e.id === id).clock[0][1] as number;
    expect(clockOf(call.id)).toBeGreaterThan(clockOf(write.id));
  });

  it('reports the lost update as the 3 cross-trace pairs of DESIGN.md (instance ids set, not the old 1)', async () => {
    const global = await getData(c.url, '/api/analyze/global');
    const alice = global.race_details.filter((r: Json) => r.variable === 'alice.balance');
    expect(alice.map(pairKey).sort()).toEqual([
      'alice.balance CRITICAL 8001101e+8f7738ec', // W1 / W2
      'alice.balance WARNING 54023e1e+8f7738ec', // R1 / W2
      'alice.balance WARNING 5cf6bf17+8001101e', // R2 / W1
    ]);
    const ww = alice.find((r: Json) => r.severity === 'CRITICAL');
    expect([ww.trace1_id, ww.trace2_id].sort()).toEqual([t1, t2].sort());
    expect(ww.description).toMatch(/^Cross-trace write-write race on alice\.balance\. Trace /);
    expect(global.truncated).toBe(false);
  });

  it('lists alice.balance as a global race candidate, as spec S6 expects', async () => {
    const candidates = await getData(c.url, '/api/distributed/global-races');
    expect(candidates.races).toContainEqual(
      expect.objectContaining({
        variable: 'alice.balance',
        trace_count: 2,
        thread_count: 2,
        access_count: 4,
        access_types: ['Read', 'Write'],
        severity: 'WARNING',
      }),
    );
  });

  it('sees withLock protect both transfers: no race on carol.balance, every access holds carol_lock', async () => {
    const global = await getData(c.url, '/api/analyze/global');
    expect(global.race_details.filter((r: Json) => r.variable === 'carol.balance')).toEqual([]);
    // The Reads are stamped before their parent LockAcquire (pseudo-microseconds); they are still inside it.
    const read = eventOf(locked, '12ad29fd');
    const acquire = eventOf(locked, 'a3fd6bb2');
    expect(read.parent_id).toBe(acquire.id);
    expect(read.timestamp < acquire.timestamp).toBe(true);
    for (const [tracePrefix, ids] of [
      ['b78df07e', ['12ad29fd', 'eaeb0fa0']],
      ['8a428bf3', ['31a60c02', 'e4cc3c49']],
    ] as const) {
      const trace = await getData(c.url, `/api/traces/${traceOf(locked, tracePrefix)}`);
      for (const prefix of ids) {
        const event = trace.events.find((e: Json) => (e.id as string).startsWith(prefix));
        expect(event.locks_held, prefix).toEqual(['carol_lock']);
      }
    }
  });

  // Each trace's time window ends where its completion-stamped FunctionCall and HttpResponse end (their
  // timestamp), so a transfer started 176 ms after the first one answered does not overlap it.
  it('does not race two transfers the client made one after the other', async () => {
    const [first, second] = [traceOf(sequential, '8503f7a6'), traceOf(sequential, 'a5354531')];
    const timesOf = (traceId: string): number[] =>
      eventsOf(sequential)
        .filter((e: Json) => e.trace_id === traceId)
        .map((e: Json) => timeUs(e.timestamp as string));
    const [lastOfFirst, firstOfSecond] = [
      Math.max(...timesOf(first)),
      Math.min(...timesOf(second)),
    ];
    expect((firstOfSecond - lastOfFirst) / 1000).toBeGreaterThan(150);
    const global = await getData(c.url, '/api/analyze/global');
    expect(global.race_details.filter((r: Json) => r.variable === 'frank.balance')).toEqual([]);
  });

  // The old SDKs stamp trackFunction's FunctionCall and trackHttpResponse's HttpResponse when the work
  // ends: the request took ~68 ms (its own HttpResponse says duration_ms 67), not twice that.
  it('measures the request at its real wall time (~68 ms), not twice that', async () => {
    const trace = await getData(c.url, `/api/traces/${t1}`);
    const times = trace.events.map((e: Json) => timeUs(e.timestamp as string));
    const spanMs = (Math.max(...times) - Math.min(...times)) / 1000;
    expect(spanMs).toBeCloseTo(68.6, 0);
    expect(trace.critical_path.trace_total_duration_ms).toBeLessThanOrEqual(spanMs + 1.5);
  });
});

/** Microseconds since the epoch of an RFC 3339 timestamp with up to 6 fractional digits. */
function timeUs(timestamp: string): number {
  const fraction = /\.(\d+)/.exec(timestamp)?.[1] ?? '';
  return Date.parse(timestamp) * 1000 + Number(fraction.padEnd(6, '0').slice(3, 6));
}
