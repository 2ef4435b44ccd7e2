import { describe, expect, it } from 'vitest';
import { realisticBatch, storedEvents } from '../../testing/realistic-batch.js';
import type { TraceAnalysis } from './trace-analysis.js';
import { EAGER_ANALYSIS_MAX_EVENTS, TraceRegistry } from './trace-registry.js';

/** Three requests of the captured TS SDK shape: three traces of 7 events each. */
const events = storedEvents(realisticBatch({ events: 21 }));
const traceIds = [...new Set(events.map((e) => e.trace_id))];

function registry(cacheEvents: number) {
  const analysed: TraceAnalysis[] = [];
  const memos: unknown[] = [];
  const reg = new TraceRegistry(
    1000,
    (next, previousMemo) => {
      analysed.push(next);
      memos.push(previousMemo);
      return next.events.length;
    },
    cacheEvents,
  );
  return { reg, analysed, memos };
}

describe('TraceRegistry', () => {
  it('analyses each touched trace at ingest and hands the derived state its previous memo', () => {
    const { reg, analysed, memos } = registry(0);
    reg.add(events.slice(0, 3));
    reg.add(events.slice(3, 7));
    expect(analysed.map((a) => a.events.length)).toEqual([3, 7]);
    expect(memos).toEqual([undefined, 3]);
  });

  it('does not keep the analyses of ingest, only the derived state', () => {
    const { reg, analysed } = registry(0);
    reg.add(events);
    const atIngest = analysed.find((a) => a.traceId === traceIds[0])!;
    expect(reg.analysis(traceIds[0]!)).not.toBe(atIngest);
  });

  it('rebuilds an evicted analysis equal to the first, without telling the derived state again', () => {
    const { reg, analysed } = registry(7);
    reg.add(events);
    const calls = analysed.length;
    const first = reg.analysis(traceIds[0]!)!;
    expect(reg.analysis(traceIds[0]!)).toBe(first);
    reg.analysis(traceIds[1]!); // evicts the first: the cache holds 7 events
    const rebuilt = reg.analysis(traceIds[0]!)!;
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.races).toEqual(first.races);
    expect(rebuilt.causality.clockOf(6)).toEqual(first.causality.clockOf(6));
    expect(analysed.length).toBe(calls);
  });

  it('serves a cached analysis only while the trace is unchanged', () => {
    const { reg } = registry(1000);
    reg.add(events.slice(0, 3));
    const before = reg.analysis(traceIds[0]!)!;
    reg.add(events.slice(3, 7));
    const after = reg.analysis(traceIds[0]!)!;
    expect(before.events).toHaveLength(3);
    expect(after.events).toHaveLength(7);
  });

  it('keeps the analysis of a big trace brought up to date before cross-trace queries', () => {
    const big = storedEvents(realisticBatch({ events: 7 * 150 })).map((e) => ({
      ...e,
      trace_id: traceIds[0]!,
    }));
    expect(big.length).toBeGreaterThan(EAGER_ANALYSIS_MAX_EVENTS);
    const { reg, analysed } = registry(2 * big.length);
    reg.add(big.slice(0, -7));
    reg.add(big.slice(-7)); // not doubled: the derived state waits for the next cross-trace query
    expect(analysed.map((a) => a.events.length)).toEqual([big.length - 7]);
    reg.refreshAll();
    expect(analysed.map((a) => a.events.length)).toEqual([big.length - 7, big.length]);
    expect(reg.analysis(traceIds[0]!)).toBe(analysed[1]);
  });

  it('finds an event in a rebuilt analysis and forgets evicted traces whole', () => {
    const { reg } = registry(0);
    reg.add(events);
    const found = reg.analysisOfEvent(events[9]!)!;
    expect(found.analysis.events[found.index]).toBe(events[9]);
    reg.forget(traceIds[1]!);
    expect(reg.analysisOfEvent(events[9]!)).toBeUndefined();
    expect(reg.totals).toEqual({ traces: 2, events: 14 });
  });

  it('skips re-sent events, in the same batch or later, in small and large traces alike', () => {
    const big = storedEvents(realisticBatch({ events: 7 * 10 })).map((e) => ({
      ...e,
      trace_id: traceIds[0]!,
    }));
    for (const batch of [events.slice(0, 7), big]) {
      const { reg } = registry(0);
      const first = reg.add([...batch, batch[0]!]);
      expect(first.accepted).toHaveLength(batch.length);
      expect(reg.add(batch).accepted).toEqual([]);
      expect(reg.add(batch).touched).toEqual([]);
      expect(reg.totals.events).toBe(batch.length);
    }
  });
});
