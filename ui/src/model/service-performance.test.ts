import { describe, expect, it } from 'vitest';
import type { ApiEvent, EventKind, FullTraceAnalysis } from '../api/types';
import { makeEvent, write } from '../testing/event-factory';
import { s1Trace } from '../testing/trace-fixture';
import { eventDurationMs, percentile, servicePerformance } from './service-performance';

const http: EventKind = { HttpRequest: { method: 'POST', url: '/pay', headers: {} } };
const call: EventKind = {
  FunctionCall: { function_name: 'post_entry', module: 'm', args: {}, file: 'f.ts', line: 1 },
};

function event(service: string, seconds: number, kind: EventKind, durationMs?: number): ApiEvent {
  return makeEvent({
    timestamp: `2024-01-01T12:00:${String(seconds).padStart(2, '0')}.000Z`,
    kind,
    metadata: {
      thread_id: 't',
      process_id: 1,
      service_name: service,
      environment: 'e',
      tags: {},
      ...(durationMs === undefined ? {} : { duration_ns: durationMs * 1e6 }),
    },
  });
}

function analysis(id: string, events: ApiEvent[]): FullTraceAnalysis {
  return { ...s1Trace().trace, trace_id: id, events };
}

describe('servicePerformance', () => {
  it("keeps the service's events and summarises counts, latency, rate and the slowest", () => {
    const perf = servicePerformance('ledger', [
      analysis('t1', [
        event('gateway', 0, http, 500),
        event('ledger', 0, http, 40),
        event('ledger', 1, call, 10),
        event('ledger', 2, write('x', 1, 2, 'a:1')),
      ]),
      analysis('t2', [event('ledger', 10, http, 20), event('ledger', 10, call, 30)]),
      analysis('t3', [event('gateway', 12, http, 5)]),
    ]);
    expect(perf).toMatchObject({
      traces: 3,
      tracesWithEvents: 2,
      totalEvents: 5,
      timedEvents: 4,
      avgMs: 25,
      p50Ms: 30,
      p95Ms: 40,
      p99Ms: 40,
      timeRangeMs: 10_000,
      eventsPerSecond: 0.5,
    });
    expect(perf.byType.map((t) => [t.type, t.count, t.timed, t.avgMs, t.maxMs])).toEqual([
      ['FunctionCall', 2, 2, 20, 30],
      ['HttpRequest', 2, 2, 30, 40],
      ['StateChange', 1, 0, 0, 0],
    ]);
    expect(perf.slowest.map((s) => [s.traceId, s.label, s.durationMs])).toEqual([
      ['t1', 'POST /pay', 40],
      ['t2', 'post_entry()', 30],
      ['t2', 'POST /pay', 20],
      ['t1', 'post_entry()', 10],
    ]);
  });

  it('has no rate for a single instant and zeros without events', () => {
    expect(servicePerformance('ledger', [analysis('t', [event('ledger', 0, call)])])).toMatchObject(
      { totalEvents: 1, timedEvents: 0, eventsPerSecond: null, p99Ms: 0 },
    );
    expect(servicePerformance('none', [])).toMatchObject({ totalEvents: 0, avgMs: 0 });
  });
});

describe('eventDurationMs', () => {
  it('reads duration_ns first, then the interval the API sent', () => {
    expect(eventDurationMs(event('s', 0, call, 12))).toBe(12);
    const interval = makeEvent({ start_us: 1_000, end_us: 8_500 });
    expect(eventDurationMs(interval)).toBe(7.5);
    const { start_us: _s, end_us: _e, ...bare } = makeEvent();
    expect(eventDurationMs(bare)).toBe(0);
  });
});

describe('percentile', () => {
  it('takes index round((n − 1)·p)', () => {
    const values = Array.from({ length: 40 }, (_, i) => i + 1);
    expect([percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)]).toEqual([
      21, 38, 40,
    ]);
  });
});
