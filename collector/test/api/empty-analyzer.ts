import type { Analyzer, AnalysisUpdate } from '../../src/engine/analyzer.js';
import type { StoredEvent } from '../../src/model/stored-event.js';

/**
 * An engine that has analysed nothing beyond listing new traces: what the API must serve as "correct
 * empty analyses" before the engine lands. Temporary: replaced by the real analyzer once it is wired.
 */
export function emptyAnalyzer(): Analyzer {
  const seen = new Map<string, number>();
  return {
    ingest(events: readonly StoredEvent[]): AnalysisUpdate {
      const touched = new Map<string, boolean>();
      for (const e of events) {
        const before = seen.get(e.trace_id);
        if (!touched.has(e.trace_id)) touched.set(e.trace_id, before === undefined);
        seen.set(e.trace_id, (before ?? 0) + 1);
      }
      return {
        traces: [...touched].map(([trace_id, created]) => ({
          trace_id,
          created,
          event_count: seen.get(trace_id) ?? 0,
        })),
        races: [],
        globalRaces: [],
        anomalies: [],
      };
    },
    forget: (ids) => ids.forEach((id) => seen.delete(id)),
    computed: () => undefined,
    traceRaces: () => ({
      concurrent_events: 0,
      potential_races: 0,
      anomalies: ['No potential races detected for this trace'],
      race_details: [],
      groups: [],
    }),
    auditTrails: () => ({}),
    auditTrail: () => [],
    criticalPath: () => null,
    anomalies: () => [],
    dependencies: (trace_id) => ({ trace_id, services: [], dependencies: [] }),
    causalGraph: (trace_id) => ({ trace_id, nodes: [], edges: [], races: [] }),
    globalAnalysis: () => ({
      total_traces: 0,
      total_events: 0,
      concurrent_events: 0,
      potential_races: 0,
      anomalies: [],
      race_details: [],
      truncated: false,
    }),
    globalRaceCandidates: () => [],
    services: () => [],
    serviceDependencies: (service_name) => ({ service_name, calls_to: [], called_by: [] }),
    distributedEdges: () => [],
    hotspots: () => ({ top_variables: [], top_service_calls: [] }),
    serviceHealth: () => [],
    performance: () => ({
      trace_latency: { avg_ms: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0, slowest_traces: [] },
      event_performance: { avg_duration_ms: 0, by_type: [], slow_operations: [] },
      service_latency: [],
      throughput: { events_per_second: 0, traces_per_second: 0, time_range_seconds: 0 },
    }),
    tracesWithRaces: () => new Set(),
    tracesTouching: () => new Set(),
  };
}
