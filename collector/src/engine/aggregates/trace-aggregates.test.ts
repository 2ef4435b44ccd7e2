import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../model/stored-event.js';
import type { FixtureEvent } from '../critical-path/fixtures/fixture-trace.js';
import { FIXTURE_EPOCH_US, fixtureEvent } from '../critical-path/fixtures/fixture-trace.js';
import { S9_CHAIN } from '../dependencies/fixtures/dependency-traces.js';
import { TraceAggregates } from './trace-aggregates.js';

const EPOCH_MS = FIXTURE_EPOCH_US / 1000;
const MINUTE = 60_000;

function events(traceId: string, rows: FixtureEvent[]): StoredEvent[] {
  return rows.map((row, seq) => fixtureEvent({ ...row, id: `${traceId}-${row.id}` }, traceId, seq));
}

function write(id: string, variable: string, service: string, startMs = 0): FixtureEvent {
  return {
    id,
    startMs,
    service,
    kind: {
      StateChange: { variable, new_value: 1, location: 'bank.ts:9', access_type: 'Write' },
    },
  };
}

function aggregatesOf(all: StoredEvent[]): TraceAggregates {
  const aggregates = new TraceAggregates();
  all.forEach((e) => aggregates.add(e));
  return aggregates;
}

describe('TraceAggregates.services', () => {
  it('finds services from events alone, no spans needed (spec §10.2.1 fix), spec §9 S9 gives four', () => {
    const aggregates = aggregatesOf(events('t1', S9_CHAIN));
    expect(aggregates.services().map((s) => [s.name, s.event_count, s.trace_count])).toEqual([
      ['go-service', 1, 1],
      ['python-service', 1, 1],
      ['rust-service', 1, 1],
      ['typescript-service', 1, 1],
    ]);
  });

  it('counts a service with several spans in a trace once per event (the old memory backend doubled it)', () => {
    const aggregates = aggregatesOf([
      ...events('t1', [
        { id: 'a', startMs: 0, service: 'api', spanId: 's1' },
        { id: 'b', startMs: 5, service: 'api', spanId: 's2' },
      ]),
      ...events('t2', [{ id: 'a', startMs: 9, service: 'api' }]),
    ]);
    expect(aggregates.services()).toEqual([
      { name: 'api', event_count: 3, trace_count: 2, last_activity: '2024-01-01T12:00:00.009Z' },
    ]);
  });
});

describe('TraceAggregates.hotspots', () => {
  it('ranks variables by accesses with their traces and services, and passes service calls through', () => {
    const aggregates = aggregatesOf([
      ...events('t1', [
        write('w1', 'balance', 'api'),
        write('w2', 'balance', 'worker'),
        write('w3', 'cart', 'api'),
      ]),
      ...events('t2', [write('w1', 'balance', 'api')]),
    ]);
    const calls = [{ from_service: 'web', to_service: 'api', call_count: 4 }];
    expect(aggregates.hotspots(calls)).toEqual({
      top_variables: [
        { variable: 'balance', access_count: 3, trace_count: 2, services: ['api', 'worker'] },
        { variable: 'cart', access_count: 1, trace_count: 1, services: ['api'] },
      ],
      top_service_calls: calls,
    });
  });

  it('lists at most ten variables', () => {
    const rows = Array.from({ length: 15 }, (_, i) =>
      write(`w${i}`, `v${String(i).padStart(2, '0')}`, 'api'),
    );
    expect(aggregatesOf(events('t1', rows)).hotspots([]).top_variables).toHaveLength(10);
  });
});

describe('TraceAggregates.serviceHealth', () => {
  it.each([
    [0, 'healthy'],
    [4, 'healthy'],
    [5, 'warning'],
    [29, 'warning'],
    [30, 'critical'],
    [59, 'critical'],
  ] as const)('rates a service idle for %d minutes as %s (spec §3.4)', (minutes, status) => {
    const aggregates = aggregatesOf(events('t1', [{ id: 'a', startMs: 0, service: 'api' }]));
    expect(aggregates.serviceHealth(60, EPOCH_MS + minutes * MINUTE)).toEqual([
      {
        name: 'api',
        status,
        trace_count: 1,
        last_activity: '2024-01-01T12:00:00.000Z',
        avg_events_per_trace: 1,
        minutes_since_last_activity: minutes,
      },
    ]);
  });

  it('only considers traces active inside the window, and sorts services by name', () => {
    const aggregates = aggregatesOf([
      ...events('old', [{ id: 'a', startMs: 0, service: 'legacy' }]),
      ...events('new', [
        { id: 'a', startMs: 50 * MINUTE, service: 'web' },
        { id: 'b', startMs: 50 * MINUTE, service: 'api' },
        { id: 'c', startMs: 51 * MINUTE, service: 'api' },
      ]),
    ]);
    const health = aggregates.serviceHealth(30, EPOCH_MS + 52 * MINUTE);
    expect(
      health.map((h) => [h.name, h.status, h.avg_events_per_trace, h.minutes_since_last_activity]),
    ).toEqual([
      ['api', 'healthy', 2, 1],
      ['web', 'healthy', 1, 2],
    ]);
  });
});

describe('TraceAggregates.performance', () => {
  /** Twenty traces; trace i lasts i ms and holds one query of 10·i ms. */
  const twenty = Array.from({ length: 20 }, (_, i) =>
    events(`t${String(i + 1).padStart(2, '0')}`, [
      { id: 'start', startMs: 0, service: 'api' },
      {
        id: 'query',
        startMs: 0,
        durationMs: i + 1,
        service: 'db',
        kind: { DatabaseQuery: { query: 'select', database: 'main', duration_ms: i + 1 } },
      },
    ]),
  ).flat();

  it('takes percentiles over every trace with one nearest-rank definition (old: 5-trace sample)', () => {
    const { trace_latency, event_performance } = aggregatesOf(twenty).performance(10);
    expect(trace_latency).toMatchObject({ avg_ms: 10.5, p50_ms: 11, p95_ms: 19, p99_ms: 20 });
    expect(event_performance.by_type).toEqual([
      { type: 'DatabaseQuery', count: 20, avg_duration_ms: 10.5 },
    ]);
    expect(event_performance.avg_duration_ms).toBe(10.5);
  });

  it.each([0, 3, 10, 50])(
    'lists at most limit=%d slowest traces, slowest first (old: limit ignored)',
    (limit) => {
      const slowest = aggregatesOf(twenty).performance(limit).trace_latency.slowest_traces;
      expect(slowest).toHaveLength(Math.min(limit, 20));
      if (limit > 0)
        expect(slowest[0]).toEqual({ trace_id: 't20', duration_ms: 20, services: ['api', 'db'] });
    },
  );

  it('lists operations averaging over 100 ms as slow, and latency per service', () => {
    const metrics = aggregatesOf([
      ...events('t1', [
        { id: 'slow', startMs: 0, durationMs: 300, service: 'api' },
        {
          id: 'fast',
          startMs: 0,
          durationMs: 2,
          service: 'web',
          kind: { Custom: { name: 'render', data: null } },
        },
      ]),
    ]).performance(10);
    expect(metrics.event_performance.slow_operations).toEqual([
      { type: 'FunctionCall', count: 1, avg_duration_ms: 300 },
    ]);
    expect(metrics.event_performance.by_type.map((t) => t.type)).toEqual([
      'Custom(render)',
      'FunctionCall',
    ]);
    expect(metrics.service_latency).toEqual([
      { service: 'api', event_count: 1, avg_duration_ms: 300 },
      { service: 'web', event_count: 1, avg_duration_ms: 2 },
    ]);
  });

  it('floors the throughput range at one second', () => {
    const { throughput } = aggregatesOf(
      events('t1', [
        { id: 'a', startMs: 0 },
        { id: 'b', startMs: 10 },
      ]),
    ).performance(10);
    expect(throughput).toEqual({
      events_per_second: 2,
      traces_per_second: 1,
      time_range_seconds: 1,
    });
  });

  it('is all zeros with no traces', () => {
    const metrics = new TraceAggregates().performance(10);
    expect(metrics.trace_latency).toEqual({
      avg_ms: 0,
      p50_ms: 0,
      p95_ms: 0,
      p99_ms: 0,
      slowest_traces: [],
    });
    expect(metrics.throughput.events_per_second).toBe(0);
  });
});

interface Draft {
  trace: string;
  service: string;
  startMs: number;
  durationMs: number | undefined;
  variable: string | undefined;
}

describe('TraceAggregates invariants', () => {
  const randomEvents: fc.Arbitrary<Draft[]> = fc.array(
    fc.record({
      trace: fc.constantFrom('t1', 't2', 't3'),
      service: fc.constantFrom('api', 'db', 'web'),
      startMs: fc.integer({ min: 0, max: 100 * MINUTE }),
      durationMs: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
      variable: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    }),
    { maxLength: 40 },
  );
  const build = (drafts: Draft[]): StoredEvent[] =>
    drafts.map((d, i) => {
      const row: FixtureEvent = d.variable
        ? write(`e${i}`, d.variable, d.service, d.startMs)
        : { id: `e${i}`, startMs: d.startMs, service: d.service };
      if (d.durationMs !== undefined) row.durationMs = d.durationMs;
      return fixtureEvent(row, d.trace, i);
    });
  const views = (a: TraceAggregates): unknown => [
    a.services(),
    a.hotspots([]),
    a.serviceHealth(60, EPOCH_MS + 90 * MINUTE),
    a.performance(5),
  ];

  it('does not depend on the order events arrive in', () => {
    fc.assert(
      fc.property(
        randomEvents.chain((d) =>
          fc.tuple(fc.constant(d), fc.shuffledSubarray(d, { minLength: d.length })),
        ),
        ([drafts, shuffled]) => {
          const all = build(drafts);
          const byId = new Map(all.map((e) => [e.id, e]));
          const reordered = shuffled.map((d) => byId.get(all[drafts.indexOf(d)]!.id)!);
          expect(views(aggregatesOf(reordered))).toEqual(views(aggregatesOf(all)));
        },
      ),
    );
  });

  it('after forgetting a trace, equals the aggregates of the other traces alone', () => {
    fc.assert(
      fc.property(randomEvents, (drafts) => {
        const all = build(drafts);
        const forgotten = aggregatesOf(all);
        forgotten.forget('t2');
        expect(views(forgotten)).toEqual(
          views(aggregatesOf(all.filter((e) => e.trace_id !== 't2'))),
        );
      }),
    );
  });
});
