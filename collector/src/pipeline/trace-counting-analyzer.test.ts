import { describe, expect, it } from 'vitest';
import { realisticBatch, storedEvents } from '../testing/realistic-batch.js';
import { TraceCountingAnalyzer } from './trace-counting-analyzer.js';

describe('TraceCountingAnalyzer', () => {
  it('announces new and growing traces with their event counts', () => {
    const analyzer = new TraceCountingAnalyzer();
    const events = storedEvents(realisticBatch({ events: 10 }));
    const [a, b] = [events[0]!.trace_id, events[7]!.trace_id];
    expect(analyzer.ingest(events.slice(0, 8)).traces).toEqual([
      { trace_id: a, created: true, event_count: 7 },
      { trace_id: b, created: true, event_count: 1 },
    ]);
    expect(analyzer.ingest(events.slice(8)).traces).toEqual([
      { trace_id: b, created: false, event_count: 3 },
    ]);
    expect(analyzer.globalAnalysis(10)).toMatchObject({ total_traces: 2, total_events: 10 });
  });

  it('finds nothing and invents nothing', () => {
    const analyzer = new TraceCountingAnalyzer();
    const events = storedEvents(realisticBatch({ events: 7 }));
    const update = analyzer.ingest(events);
    expect(update).toMatchObject({ races: [], globalRaces: [], anomalies: [] });
    const traceId = events[0]!.trace_id;
    expect(analyzer.traceRaces(traceId)).toMatchObject({ potential_races: 0, race_details: [] });
    expect(analyzer.criticalPath(traceId)).toBeNull();
    expect(analyzer.computed(events[0]!)).toBeUndefined();
    expect(analyzer.tracesWithRaces().size).toBe(0);
  });

  it('forgets evicted traces', () => {
    const analyzer = new TraceCountingAnalyzer();
    const events = storedEvents(realisticBatch({ events: 7 }));
    analyzer.ingest(events);
    analyzer.forget([events[0]!.trace_id]);
    expect(analyzer.globalAnalysis(10).total_traces).toBe(0);
    expect(analyzer.ingest(events.slice(0, 1)).traces[0]?.created).toBe(true);
  });
});
