import { describe, expect, it } from 'vitest';
import type { EventKind } from '../../model/event.js';
import { access, call, fixtureEvent as ev, storedEvents } from '../fixtures/fixture-event.js';
import { MAX_SERVICE_OPERATIONS, servicePerformanceOf } from './service-performance-of.js';

const response = (status: number): EventKind => ({
  HttpResponse: { status, headers: {}, body: null, duration_ms: 0 },
});
const failure: EventKind = {
  Error: { error_type: 'Timeout', message: 'ledger timed out', stack_trace: [] },
};

/** Two traces: `ledger` posts entries (1..10 ms) and fails once per trace; `gateway` only calls it. */
function traces() {
  return ['t1', 't2'].map((trace, t) => ({
    traceId: trace,
    events: storedEvents([
      ev({
        name: `${trace}-gw`,
        trace,
        thread: 'gw',
        at: 0,
        kind: call('route'),
        service: 'gateway',
        durationMs: 50,
      }),
      ...[1, 2, 3, 4, 5].map((k) =>
        ev({
          name: `${trace}-post-${k}`,
          trace,
          thread: 'ledger',
          at: t * 1000 + k,
          kind: call('post'),
          service: 'ledger',
          durationMs: k + 5 * t,
        }),
      ),
      ev({
        name: `${trace}-500`,
        trace,
        thread: 'ledger',
        at: t * 1000 + 9,
        kind: response(500),
        service: 'ledger',
      }),
      ev({
        name: `${trace}-err`,
        trace,
        thread: 'ledger',
        at: t * 1000 + 10,
        kind: failure,
        service: 'ledger',
      }),
    ]),
  }));
}

describe('servicePerformanceOf', () => {
  it('counts the service’s events by operation, with failures and exact nearest-rank latencies', () => {
    const perf = servicePerformanceOf('ledger', traces())!;
    expect(perf).toMatchObject({
      service_name: 'ledger',
      trace_count: 2,
      event_count: 14,
      timed_event_count: 10,
      error_count: 4,
      first_activity: '2024-01-01T12:00:00.001Z',
      last_activity: '2024-01-01T12:00:01.010Z',
      latency: { avg_ms: 5.5, p50_ms: 6, p95_ms: 10, p99_ms: 10, max_ms: 10 },
    });
    expect(perf.events_per_second).toBeCloseTo(14 / 1.009, 3);
    expect(
      perf.operations.map((o) => [o.operation, o.type, o.count, o.error_count, o.timed_count]),
    ).toEqual([
      ['FunctionCall(post)', 'FunctionCall', 10, 0, 10],
      ['Error(Timeout)', 'Error', 2, 2, 0],
      ['HttpResponse(500)', 'HttpResponse', 2, 2, 0],
    ]);
    expect(perf.operations[0]).toMatchObject({ total_ms: 55, p50_ms: 6, max_ms: 10 });
    expect(perf.operations[1]).toMatchObject({ avg_ms: 0, p99_ms: 0 });
  });

  it('lists the slowest events with their trace, slowest first, and never another service’s', () => {
    const perf = servicePerformanceOf('ledger', traces())!;
    expect(perf.slowest_events.map((e) => [e.trace_id, e.duration_ms, e.operation])).toEqual([
      ['t2', 10, 'FunctionCall(post)'],
      ['t2', 9, 'FunctionCall(post)'],
      ['t2', 8, 'FunctionCall(post)'],
      ['t2', 7, 'FunctionCall(post)'],
      ['t2', 6, 'FunctionCall(post)'],
      ['t1', 5, 'FunctionCall(post)'],
      ['t1', 4, 'FunctionCall(post)'],
      ['t1', 3, 'FunctionCall(post)'],
      ['t1', 2, 'FunctionCall(post)'],
      ['t1', 1, 'FunctionCall(post)'],
    ]);
    expect(servicePerformanceOf('gateway', traces())).toMatchObject({
      trace_count: 2,
      event_count: 2,
      events_per_second: null,
      operations: [{ operation: 'FunctionCall(route)', count: 2 }],
    });
  });

  it('knows nothing of a service without events', () => {
    expect(servicePerformanceOf('billing', traces())).toBeUndefined();
  });

  it('lists the most frequent operations up to the bound, and counts them all', () => {
    // One variable per request (`transfer:<id>.status`) makes one operation each: thousands of them.
    const n = MAX_SERVICE_OPERATIONS + 50;
    const events = storedEvents(
      Array.from({ length: n }, (_, k) =>
        ev({
          name: `w${k}`,
          trace: 'many',
          thread: 'ledger',
          at: k,
          kind: access(`transfer:${k}.status`, 'Write', 'ledger.ts:1'),
          service: 'ledger',
        }),
      ),
    );
    const popular = storedEvents(
      [1, 2, 3].map((k) =>
        ev({
          name: `p${k}`,
          trace: 'many',
          thread: 'ledger',
          at: n + k,
          kind: call('post'),
          service: 'ledger',
        }),
      ),
    );
    const perf = servicePerformanceOf('ledger', [
      { traceId: 'many', events: [...events, ...popular] },
    ])!;
    expect(perf.event_count).toBe(n + 3);
    expect(perf.operation_count).toBe(n + 1);
    expect(perf.operations).toHaveLength(MAX_SERVICE_OPERATIONS);
    expect(perf.operations[0]).toMatchObject({ operation: 'FunctionCall(post)', count: 3 });
  });
});
