import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureTrace } from '../critical-path/fixtures/fixture-trace.js';
import { S9_CHAIN } from './fixtures/dependency-traces.js';
import { ServiceGraph } from './service-graph.js';

/** web calls api over HTTP; api answers with `status` after `ms` and may query the database. */
function httpCall(traceId: string, ms: number, status = 200): ReturnType<typeof fixtureTrace> {
  return fixtureTrace(
    [
      { id: `${traceId}-req`, startMs: 0, service: 'web', spanId: `${traceId}-web` },
      {
        id: `${traceId}-in`,
        startMs: 1,
        durationMs: ms,
        service: 'api',
        spanId: `${traceId}-api`,
        upstreamSpanId: `${traceId}-web`,
        kind: { HttpRequest: { method: 'GET', url: '/users', headers: {} } },
      },
      {
        id: `${traceId}-out`,
        startMs: 1 + ms,
        service: 'api',
        spanId: `${traceId}-api`,
        parent: `${traceId}-in`,
        kind: { HttpResponse: { status, headers: {}, duration_ms: ms } },
      },
    ],
    traceId,
  );
}

describe('ServiceGraph', () => {
  it('lists spec §9 S9 as three Custom edges of one call each', () => {
    const graph = new ServiceGraph();
    graph.update(fixtureTrace(S9_CHAIN));
    expect(
      graph
        .distributedEdges()
        .map((e) => [e.from_service, e.to_service, e.link_type, e.call_count]),
    ).toEqual([
      ['go-service', 'rust-service', 'Custom', 1],
      ['python-service', 'go-service', 'Custom', 1],
      ['typescript-service', 'python-service', 'Custom', 1],
    ]);
  });

  it('reports python-service calling go-service and called by typescript-service (old `to` quirk kept)', () => {
    const graph = new ServiceGraph();
    graph.update(fixtureTrace(S9_CHAIN));
    const report = graph.serviceDependencies('python-service');
    expect(report.service_name).toBe('python-service');
    expect(report.calls_to).toEqual([
      expect.objectContaining({ to: 'go-service', total_calls: 1, trace_count: 1, error_count: 0 }),
    ]);
    expect(report.called_by).toEqual([
      expect.objectContaining({
        to: 'typescript-service',
        from: 'typescript-service',
        total_calls: 1,
      }),
    ]);
  });

  it('types HTTP links, counts 5xx answers as errors and gives callee latency percentiles', () => {
    const graph = new ServiceGraph();
    const latencies = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    latencies.forEach((ms, i) => graph.update(httpCall(`t${i}`, ms, i < 2 ? 503 : 200)));
    const [edge] = graph.distributedEdges();
    expect(edge).toMatchObject({
      from_service: 'web',
      to_service: 'api',
      link_type: 'HttpCall',
      call_count: 10,
      error_count: 2,
    });
    // Rank q·(n−1), rounded down (DDSketch), each within the sketch's 1 % accuracy.
    expect(Math.abs(edge!.p50_ms - 50)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(edge!.p99_ms - 90)).toBeLessThanOrEqual(0.9);
    expect(graph.topServiceCalls(10)).toEqual([
      { from_service: 'web', to_service: 'api', call_count: 10 },
    ]);
  });

  it('counts an Error event in the callee as a failed call, and a database callee as DatabaseQuery', () => {
    const graph = new ServiceGraph();
    graph.update(
      fixtureTrace([
        { id: 'a', startMs: 0, service: 'api', spanId: 'span-a' },
        {
          id: 'q',
          startMs: 1,
          durationMs: 3,
          service: 'postgres',
          spanId: 'span-q',
          upstreamSpanId: 'span-a',
          kind: { DatabaseQuery: { query: 'select 1', database: 'main', duration_ms: 3 } },
        },
        {
          id: 'boom',
          startMs: 2,
          service: 'postgres',
          spanId: 'span-q',
          kind: { Error: { error_type: 'Timeout', message: 'slow', stack_trace: [] } },
        },
      ]),
    );
    expect(graph.distributedEdges()).toEqual([
      expect.objectContaining({ link_type: 'DatabaseQuery', call_count: 1, error_count: 1 }),
    ]);
  });

  it('replaces a trace on update instead of counting it twice', () => {
    const graph = new ServiceGraph();
    graph.update(fixtureTrace(S9_CHAIN));
    graph.update(fixtureTrace(S9_CHAIN));
    expect(graph.distributedEdges().every((e) => e.call_count === 1)).toBe(true);
  });

  it('equals a graph built from only the traces still in memory, whatever the order of updates and forgets', () => {
    const traces = ['t1', 't2', 't3', 't4'].map((id, i) =>
      httpCall(id, 10 * (i + 1), i === 0 ? 500 : 200),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat({ max: traces.length - 1 })), { maxLength: 20 }),
        (operations) => {
          const graph = new ServiceGraph();
          const live = new Set<number>();
          for (const [add, index] of operations) {
            if (add) graph.update(traces[index]!);
            else graph.forget(traces[index]!.traceId);
            if (add) live.add(index);
            else live.delete(index);
          }
          const fresh = new ServiceGraph();
          [...live].sort().forEach((index) => fresh.update(traces[index]!));
          expect(graph.distributedEdges()).toEqual(fresh.distributedEdges());
          expect(graph.serviceDependencies('api')).toEqual(fresh.serviceDependencies('api'));
        },
      ),
    );
  });

  it('is empty for an unknown service and after forgetting every trace', () => {
    const graph = new ServiceGraph();
    graph.update(fixtureTrace(S9_CHAIN, 'x'));
    graph.forget('x');
    expect(graph.distributedEdges()).toEqual([]);
    expect(graph.serviceDependencies('python-service')).toEqual({
      service_name: 'python-service',
      calls_to: [],
      called_by: [],
    });
  });
});
