import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/manual-clock.js';
import { realisticBatch, storedEvents } from '../../testing/realistic-batch.js';
import { MemoryStore } from './memory-store.js';

function setup() {
  const clock = new ManualClock();
  return { clock, store: new MemoryStore({ clock }) };
}

/** One trace of the 7-event captured request per element, seqs continuing from `firstSeq`. */
function traces(count: number, firstSeq = 1) {
  return storedEvents(realisticBatch({ events: count * 7 }), firstSeq);
}

describe('MemoryStore', () => {
  it('stores each event id once and returns only the new events, in the order given', async () => {
    const { store } = setup();
    const events = traces(1);
    expect(await store.append(events.slice(0, 4))).toEqual(events.slice(0, 4));
    const again = await store.append([events[1]!, events[4]!, events[4]!, events[5]!]);
    expect(again.map((e) => e.id)).toEqual([events[4]!.id, events[5]!.id]);
    expect((await store.stats()).events).toBe(6);
  });

  it('returns a trace ordered by time then seq, whatever the arrival order', async () => {
    const { store } = setup();
    const events = traces(1);
    const reversed = [...events].reverse().map((e, i) => ({ ...e, seq: i + 1 }));
    await store.append(reversed);
    const got = await store.traceEvents(events[0]!.trace_id);
    expect(got.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('summarises a trace with its count, first/last timestamps and services', async () => {
    const { store } = setup();
    const events = traces(1);
    await store.append(events);
    expect(await store.traceSummary(events[0]!.trace_id)).toEqual({
      trace_id: events[0]!.trace_id,
      event_count: 7,
      first_timestamp: events[0]!.timestamp,
      last_timestamp: events[6]!.timestamp,
      service_count: 1,
      services: ['banking-api'],
    });
    expect(await store.traceSummary('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('lists traces newest activity first, paged, with filters', async () => {
    const { store } = setup();
    const a = traces(3);
    await store.append(a);
    const ids = [a[0]!, a[7]!, a[14]!].map((e) => e.trace_id);
    // New activity on the first trace makes it the newest.
    const late = storedEvents(realisticBatch({ events: 1 }), 100).map((e) => ({
      ...e,
      trace_id: ids[0]!,
      metadata: { ...e.metadata, service_name: 'audit' },
    }));
    await store.append(late);

    const all = await store.listTraces({ page: 1, pageSize: 10 });
    expect(all.total).toBe(3);
    expect(all.items.map((t) => t.trace_id)).toEqual([ids[0], ids[2], ids[1]]);
    expect((await store.listTraces({ page: 2, pageSize: 2 })).items.map((t) => t.trace_id)).toEqual(
      [ids[1]],
    );
    expect((await store.listTraces({ page: 1, pageSize: 10, minEvents: 8 })).total).toBe(1);
    const audit = await store.listTraces({ page: 1, pageSize: 10, service: 'audit' });
    expect(audit.items.map((t) => t.trace_id)).toEqual([ids[0]]);
    expect(audit.items[0]?.services).toEqual(['audit', 'banking-api']);
    const prefix = ids[1]!.slice(0, 8).toUpperCase();
    expect((await store.listTraces({ page: 1, pageSize: 10, idPrefix: prefix })).total).toBe(1);
    const only = await store.listTraces({ page: 1, pageSize: 10, traceIds: new Set([ids[1]!]) });
    expect(only.items.map((t) => t.trace_id)).toEqual([ids[1]]);
    expect((await store.listTraces({ page: 1, pageSize: 0 })).items).toEqual([]);
  });

  it('deletes a trace with its events and says whether it existed', async () => {
    const { store } = setup();
    const events = traces(2);
    await store.append(events);
    expect(await store.deleteTrace(events[0]!.trace_id)).toBe(true);
    expect(await store.deleteTrace(events[0]!.trace_id)).toBe(false);
    expect(await store.getEvent(events[0]!.id)).toBeUndefined();
    expect(await store.stats()).toMatchObject({ events: 7, traces: 1 });
    expect((await store.listTraces({ page: 1, pageSize: 5, service: 'banking-api' })).total).toBe(
      1,
    );
  });

  it('evicts the least recently active traces first when over maxTraces', async () => {
    const { store } = setup();
    const events = traces(4);
    await store.append(events);
    const ids = [0, 7, 14, 21].map((i) => events[i]!.trace_id);
    await store.append(
      storedEvents(realisticBatch({ events: 1 }), 50).map((e) => ({ ...e, trace_id: ids[0]! })),
    );
    const result = await store.enforceRetention({ maxTraces: 2 }, 0);
    expect(result).toEqual({ evictedTraceIds: [ids[1], ids[2]], evictedEvents: 14 });
    expect((await store.stats()).traces).toBe(2);
  });

  it('evicts traces with no activity for longer than maxAgeMs', async () => {
    const { store, clock } = setup();
    const events = traces(2);
    await store.append(events.slice(0, 7));
    clock.advance(60_000);
    await store.append(events.slice(7));
    const result = await store.enforceRetention({ maxAgeMs: 30_000 }, clock.now() + 1);
    expect(result.evictedTraceIds).toEqual([events[0]!.trace_id]);
  });

  it('keeps its estimated size under maxBytes under endless ingest', async () => {
    const { store } = setup();
    const maxBytes = 2_000_000;
    let seq = 1;
    let peak = 0;
    for (let round = 0; round < 300; round++) {
      await store.append(storedEvents(realisticBatch({ events: 100 }), seq));
      seq += 100;
      await store.enforceRetention({ maxBytes }, 0);
      peak = Math.max(peak, (await store.stats()).bytes);
    }
    const stats = await store.stats();
    expect(peak).toBeLessThanOrEqual(maxBytes);
    expect(stats.bytes).toBeGreaterThan(maxBytes / 2);
    expect(stats.events).toBeLessThan(30_000);
  });

  it('replays every event in seq order and knows the highest seq', async () => {
    const { store } = setup();
    const events = traces(3);
    await store.append(events.slice(7));
    await store.append(events.slice(0, 7).map((e) => ({ ...e, seq: e.seq + 100 })));
    const batches: number[][] = [];
    await store.replay((batch) => void batches.push(batch.map((e) => e.seq)), 8);
    expect(batches.map((b) => b.length)).toEqual([8, 8, 5]);
    const seqs = batches.flat();
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(await store.maxSeq()).toBe(107);
  });
});
