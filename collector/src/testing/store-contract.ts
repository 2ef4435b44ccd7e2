import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../model/stored-event.js';
import { formatTimeUs } from '../model/time.js';
import type { Store } from '../store/store.js';
import { realisticBatch, storedEvents } from './realistic-batch.js';

/** A fresh, empty store per test, plus the clock its appends read (for age-based retention). */
export interface StoreUnderTest {
  store: Store;
  /** Moves the store's clock forward. */
  advance: (ms: number) => void;
  /** The store's clock now (ms). */
  now: () => number;
}

const MINUTE = 60_000;

/** `count` traces of the captured 7-event request, seqs continuing from `firstSeq`. */
function traces(count: number, firstSeq = 1): StoredEvent[] {
  return storedEvents(realisticBatch({ events: count * 7 }), firstSeq);
}

function traceIdsOf(events: readonly StoredEvent[]): string[] {
  return [...new Set(events.map((e) => e.trace_id))];
}

function ids(events: readonly { id: string }[]): string[] {
  return events.map((e) => e.id);
}

/**
 * The behaviour every {@link Store} backend must show (the contract in `store.ts`). `makeStore` returns a
 * started, empty store; the suite shuts it down after each case.
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name} honours the Store contract`, () => {
    let current: StoreUnderTest | undefined;
    const open = async (): Promise<StoreUnderTest> => (current = await makeStore());
    afterEach(async () => {
      await current?.store.shutdown();
      current = undefined;
    });

    describe('append', () => {
      it('returns every event of a first batch, in the order given', async () => {
        const { store } = await open();
        const events = traces(2);
        const shuffled = [events[9]!, ...events.slice(0, 9), ...events.slice(10)];
        expect(ids(await store.append(shuffled))).toEqual(ids(shuffled));
        expect((await store.stats()).events).toBe(14);
      });

      it('is idempotent by event id: a re-sent batch stores and returns nothing', async () => {
        const { store } = await open();
        const events = traces(2);
        await store.append(events);
        expect(await store.append(events)).toEqual([]);
        expect(await store.stats()).toMatchObject({ events: 14, traces: 2 });
        expect((await store.traceSummary(events[0]!.trace_id))?.event_count).toBe(7);
      });

      it('returns only the new events of a mixed batch, and a repeated id once', async () => {
        const { store } = await open();
        const events = traces(1);
        await store.append(events.slice(0, 3));
        const mixed = [events[1]!, events[4]!, events[3]!, events[4]!, events[0]!, events[5]!];
        expect(ids(await store.append(mixed))).toEqual(ids([events[4]!, events[3]!, events[5]!]));
        expect((await store.stats()).events).toBe(6);
      });

      it('accepts an empty batch', async () => {
        const { store } = await open();
        expect(await store.append([])).toEqual([]);
        expect(await store.stats()).toMatchObject({ events: 0, traces: 0 });
      });

      it('gives back each event exactly as appended', async () => {
        const { store } = await open();
        const [event] = traces(1);
        const odd: StoredEvent = {
          ...event!,
          kind: {
            StateChange: {
              variable: 'account\u0000"quoted"',
              old_value: { nested: [1, 2.5, null, 'é'] },
              new_value: 1e21,
              location: 'src/a.ts:1',
              access_type: 'Write',
            },
          },
          metadata: { ...event!.metadata, tags: { z: '1', a: '2' }, duration_ns: null },
          causality_vector: [['svc#1', 3]],
          lock_set: ['m1'],
          time_us: event!.time_us + 0.5,
        };
        await store.append([odd]);
        expect(await store.getEvent(odd.id)).toEqual(odd);
        expect(await store.getEvent('00000000-0000-4000-8000-00000000dead')).toBeUndefined();
      });
    });

    describe('reading a trace', () => {
      it('orders events by time, then seq, whatever the arrival order', async () => {
        const { store } = await open();
        const events = traces(1);
        // Same time as events[2] but appended before it, with the higher seq: seq breaks the tie.
        const sameTime = { ...events[3]!, time_us: events[2]!.time_us };
        const arrival = [events[6]!, sameTime, events[0]!, events[5]!, events[2]!, events[1]!];
        await store.append(arrival.map((e, i) => ({ ...e, seq: 100 - i })));
        const got = await store.traceEvents(events[0]!.trace_id);
        expect(ids(got)).toEqual(
          ids([events[0]!, events[1]!, events[2]!, sameTime, events[5]!, events[6]!]),
        );
        expect(await store.traceEvents('00000000-0000-4000-8000-00000000dead')).toEqual([]);
      });

      it('summarises a trace and keeps the summary current across batches', async () => {
        const { store } = await open();
        const events = traces(1);
        await store.append(events.slice(2, 5));
        const other = {
          ...events[0]!,
          metadata: { ...events[0]!.metadata, service_name: 'audit' },
        };
        await store.append([events[6]!, other, events[3]!]);
        expect(await store.traceSummary(events[0]!.trace_id)).toEqual({
          trace_id: events[0]!.trace_id,
          event_count: 5,
          first_timestamp: events[0]!.timestamp,
          last_timestamp: events[6]!.timestamp,
          service_count: 2,
          services: ['audit', 'banking-api'],
        });
        expect(await store.traceSummary('00000000-0000-4000-8000-00000000dead')).toBeUndefined();
      });
    });

    describe('listing traces', () => {
      /** Five traces appended one by one; returns their ids oldest activity first. */
      async function fiveTraces(store: Store): Promise<string[]> {
        const all = traces(5);
        for (let i = 0; i < 5; i++) await store.append(all.slice(i * 7, i * 7 + 7));
        return traceIdsOf(all);
      }

      it('lists the most recently active trace first', async () => {
        const { store } = await open();
        const [a, b, c, d, e] = await fiveTraces(store);
        const late = storedEvents(realisticBatch({ events: 1 }), 1000)[0]!;
        await store.append([{ ...late, trace_id: b!, time_us: 0, timestamp: formatTimeUs(0) }]);
        const page = await store.listTraces({ page: 1, pageSize: 10 });
        expect(page.items.map((t) => t.trace_id)).toEqual([b, e, d, c, a]);
        expect(page.total).toBe(5);
      });

      it('pages with a 1-based page number and reports the total', async () => {
        const { store } = await open();
        const [a, b, c, d, e] = await fiveTraces(store);
        const list = (page: number, pageSize: number) => store.listTraces({ page, pageSize });
        expect((await list(1, 2)).items.map((t) => t.trace_id)).toEqual([e, d]);
        expect((await list(2, 2)).items.map((t) => t.trace_id)).toEqual([c, b]);
        expect((await list(3, 2)).items.map((t) => t.trace_id)).toEqual([a]);
        expect(await list(4, 2)).toEqual({ items: [], total: 5 });
        expect(await list(1, 0)).toEqual({ items: [], total: 5 });
      });

      it('filters by minimum event count, service, id prefix and id set, together', async () => {
        const { store } = await open();
        const [a, b, c] = await fiveTraces(store);
        const extra = storedEvents(realisticBatch({ events: 2 }), 500).map((e) => ({
          ...e,
          trace_id: a!,
          metadata: { ...e.metadata, service_name: 'audit' },
        }));
        await store.append(extra);
        const query = { page: 1, pageSize: 10 };
        const listed = async (q: object) =>
          (await store.listTraces({ ...query, ...q })).items.map((t) => t.trace_id);
        expect(await listed({ minEvents: 8 })).toEqual([a]);
        expect(await listed({ service: 'audit' })).toEqual([a]);
        expect(await listed({ service: 'nobody' })).toEqual([]);
        expect(await listed({ idPrefix: b!.slice(0, 13) })).toEqual([b]);
        expect(await listed({ traceIds: new Set([b!, c!, 'unknown']) })).toEqual([c, b]);
        expect(await listed({ traceIds: new Set() })).toEqual([]);
        const both = await store.listTraces({
          ...query,
          traceIds: new Set([a!, b!]),
          minEvents: 8,
        });
        expect(both.items.map((t) => t.trace_id)).toEqual([a]);
        expect(both.total).toBe(1);
        // A service with fewer traces than the id set still honours the id set (has_races + service).
        expect(await listed({ service: 'audit', traceIds: new Set([b!, c!]) })).toEqual([]);
        expect(await listed({ service: 'audit', traceIds: new Set([a!, b!]) })).toEqual([a]);
      });
    });

    describe('deleting', () => {
      it('removes a trace with its events and says whether it existed', async () => {
        const { store } = await open();
        const events = traces(2);
        await store.append(events);
        const [gone, kept] = traceIdsOf(events);
        expect(await store.deleteTrace(gone!)).toBe(true);
        expect(await store.deleteTrace(gone!)).toBe(false);
        expect(await store.traceEvents(gone!)).toEqual([]);
        expect(await store.traceSummary(gone!)).toBeUndefined();
        expect(await store.getEvent(events[0]!.id)).toBeUndefined();
        expect(
          (await store.listTraces({ page: 1, pageSize: 10 })).items.map((t) => t.trace_id),
        ).toEqual([kept]);
        expect(await store.stats()).toMatchObject({ events: 7, traces: 1 });
      });

      it('accepts a deleted event id again as new', async () => {
        const { store } = await open();
        const events = traces(1);
        await store.append(events);
        await store.deleteTrace(events[0]!.trace_id);
        expect(ids(await store.append(events))).toEqual(ids(events));
      });
    });

    describe('retention', () => {
      it('does nothing without limits', async () => {
        const { store, now } = await open();
        await store.append(traces(3));
        expect(await store.enforceRetention({}, now() + 365 * 24 * 60 * MINUTE)).toEqual({
          evictedTraceIds: [],
          evictedEvents: 0,
        });
      });

      it('keeps the most recently active traces under maxTraces, evicting oldest first', async () => {
        const { store, now } = await open();
        const all = traces(5);
        const [a, b, c, d, e] = traceIdsOf(all);
        for (let i = 0; i < 5; i++) await store.append(all.slice(i * 7, i * 7 + 7));
        const late = storedEvents(realisticBatch({ events: 1 }), 1000)[0]!;
        await store.append([{ ...late, trace_id: a! }]);
        const result = await store.enforceRetention({ maxTraces: 2 }, now());
        expect(result).toEqual({ evictedTraceIds: [b, c, d], evictedEvents: 21 });
        expect(
          (await store.listTraces({ page: 1, pageSize: 10 })).items.map((t) => t.trace_id),
        ).toEqual([a, e]);
        expect(await store.getEvent(all[7]!.id)).toBeUndefined();
      });

      it('evicts traces without activity for longer than maxAgeMs', async () => {
        const { store, advance, now } = await open();
        const all = traces(3);
        const [a, b, c] = traceIdsOf(all);
        await store.append(all.slice(0, 14));
        advance(10 * MINUTE);
        await store.append(all.slice(14));
        advance(1 * MINUTE);
        expect(await store.enforceRetention({ maxAgeMs: 5 * MINUTE }, now())).toEqual({
          evictedTraceIds: [a, b],
          evictedEvents: 14,
        });
        expect(
          (await store.listTraces({ page: 1, pageSize: 10 })).items.map((t) => t.trace_id),
        ).toEqual([c]);
      });

      it('evicts oldest first until within maxBytes', async () => {
        const { store, now } = await open();
        const all = traces(3);
        for (let i = 0; i < 3; i++) await store.append(all.slice(i * 7, i * 7 + 7));
        expect(await store.enforceRetention({ maxBytes: Number.MAX_SAFE_INTEGER }, now())).toEqual({
          evictedTraceIds: [],
          evictedEvents: 0,
        });
        const result = await store.enforceRetention({ maxBytes: 0 }, now());
        expect(result).toEqual({ evictedTraceIds: traceIdsOf(all), evictedEvents: 21 });
        expect(await store.stats()).toMatchObject({ events: 0, traces: 0 });
      });
    });

    describe('stats, sequence and replay', () => {
      it('counts events and traces and reports a size', async () => {
        const { store } = await open();
        expect(await store.stats()).toMatchObject({ events: 0, traces: 0 });
        await store.append(traces(3));
        const stats = await store.stats();
        expect(stats).toMatchObject({ events: 21, traces: 3 });
        expect(stats.bytes).toBeGreaterThan(0);
      });

      it('knows the highest seq stored, 0 when empty', async () => {
        const { store } = await open();
        expect(await store.maxSeq()).toBe(0);
        const events = traces(1, 40);
        await store.append([events[3]!, events[6]!, events[0]!]);
        expect(await store.maxSeq()).toBe(46);
        await store.append([events[1]!]);
        expect(await store.maxSeq()).toBe(46);
      });

      it('replays every event in seq order, in batches of at most batchSize', async () => {
        const { store } = await open();
        const events = traces(3);
        await store.append(events.slice(10));
        await store.append(events.slice(0, 10).reverse());
        const batches: StoredEvent[][] = [];
        await store.replay(async (batch) => {
          await Promise.resolve();
          batches.push(batch);
        }, 4);
        expect(batches.map((b) => b.length)).toEqual([4, 4, 4, 4, 4, 1]);
        expect(batches.flat()).toEqual(events);
      });

      it('replays nothing from an empty store', async () => {
        const { store } = await open();
        let calls = 0;
        await store.replay(() => void calls++);
        expect(calls).toBe(0);
      });

      it('shuts down more than once without error', async () => {
        const { store } = await open();
        await store.shutdown();
        await expect(store.shutdown()).resolves.toBeUndefined();
      });
    });
  });
}
