import type { PerformanceMetrics } from '../results.js';
import { nearestRank } from './nearest-rank.js';
import type { DurationTotal, TraceSummary } from './trace-summary.js';

/** Operations slower than this on average are listed in `slow_operations` (spec §3.4). */
export const SLOW_OPERATION_MS = 100;

/**
 * spec §3.4 `PerformanceMetrics` over every trace in memory (fixing §10.2.5: no 5-trace sample, one
 * percentile definition, and `limit` always applies, since nothing is cached). Trace latency is wall time
 * (first start to last end); zero-length traces (a single instant) stay out of the latency statistics, as in
 * the old memory backend. `slowest_traces` lists the `limit` slowest.
 */
export function performanceMetrics(
  traces: readonly TraceSummary[],
  limit: number,
): PerformanceMetrics {
  const timed = traces.filter((t) => t.durationMs > 0);
  const latencies = timed.map((t) => t.durationMs).sort((a, b) => a - b);
  const slowest = [...timed]
    .sort((a, b) => b.durationMs - a.durationMs || (a.traceId < b.traceId ? -1 : 1))
    .slice(0, Math.max(0, limit))
    .map((t) => ({
      trace_id: t.traceId,
      duration_ms: ms(t.durationMs),
      services: [...t.services.keys()].sort(),
    }));

  const byType = new Map<string, DurationTotal>();
  const byService = new Map<string, DurationTotal>();
  let [events, firstUs, endUs] = [0, Infinity, -Infinity];
  for (const trace of traces) {
    events += trace.eventCount;
    firstUs = Math.min(firstUs, trace.firstUs);
    endUs = Math.max(endUs, trace.endUs);
    merge(byType, trace.byType);
    merge(byService, trace.byService);
  }
  const types = [...byType]
    .map(([type, t]) => ({ type, count: t.count, avg_duration_ms: ms(t.sumMs / t.count) }))
    .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
  const timedEvents = [...byType.values()].reduce(
    (sum, t) => ({ count: sum.count + t.count, sumMs: sum.sumMs + t.sumMs }),
    { count: 0, sumMs: 0 },
  );
  // A range under one second would inflate rates; spec §3.4 floors it at 1 s.
  const rangeSeconds = traces.length > 0 ? Math.max(1, (endUs - firstUs) / 1e6) : 1;

  return {
    trace_latency: {
      avg_ms: ms(
        latencies.length > 0 ? latencies.reduce((a, b) => a + b, 0) / latencies.length : 0,
      ),
      p50_ms: ms(nearestRank(latencies, 0.5)),
      p95_ms: ms(nearestRank(latencies, 0.95)),
      p99_ms: ms(nearestRank(latencies, 0.99)),
      slowest_traces: slowest,
    },
    event_performance: {
      avg_duration_ms: ms(timedEvents.count > 0 ? timedEvents.sumMs / timedEvents.count : 0),
      by_type: types,
      slow_operations: types
        .filter((t) => t.avg_duration_ms > SLOW_OPERATION_MS)
        .sort((a, b) => b.avg_duration_ms - a.avg_duration_ms || (a.type < b.type ? -1 : 1)),
    },
    service_latency: [...byService]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([service, t]) => ({
        service,
        event_count: t.count,
        avg_duration_ms: ms(t.sumMs / t.count),
      })),
    throughput: {
      events_per_second: round3(events / rangeSeconds),
      traces_per_second: round3(traces.length / rangeSeconds),
      time_range_seconds: round3(rangeSeconds),
    },
  };
}

function merge(into: Map<string, DurationTotal>, from: ReadonlyMap<string, DurationTotal>): void {
  for (const [key, t] of from) {
    const total = into.get(key) ?? { count: 0, sumMs: 0 };
    total.count += t.count;
    total.sumMs += t.sumMs;
    into.set(key, total);
  }
}

/** Rounded to the nanosecond, so float residue never shows in the API. */
function ms(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
