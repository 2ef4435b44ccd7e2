import type { AnalysisUpdate, Analyzer } from '../engine/analyzer.js';
import type {
  CriticalPathResponse,
  GlobalAnalysis,
  PerformanceMetrics,
  ServiceDependencies,
  ServiceDependencyReport,
  TraceGraph,
  TraceRaces,
} from '../engine/results.js';
import type { ComputedFields, StoredEvent } from '../model/stored-event.js';

/**
 * The stand-in {@link Analyzer} while the engine is not built (`createAnalyzer` throws): it tracks which
 * traces exist and how many events they have, so the live feed still announces new and growing traces,
 * and answers every analysis with a correct empty result, never invented data. `createApp` switches to
 * the real engine by itself once `createAnalyzer` returns one.
 */
export class TraceCountingAnalyzer implements Analyzer {
  private readonly counts = new Map<string, number>();

  ingest(events: readonly StoredEvent[]): AnalysisUpdate {
    const touched = new Map<string, boolean>();
    for (const event of events) {
      const before = this.counts.get(event.trace_id);
      if (!touched.has(event.trace_id)) touched.set(event.trace_id, before === undefined);
      this.counts.set(event.trace_id, (before ?? 0) + 1);
    }
    return {
      traces: [...touched].map(([trace_id, created]) => ({
        trace_id,
        created,
        event_count: this.counts.get(trace_id) ?? 0,
      })),
      races: [],
      globalRaces: [],
      anomalies: [],
    };
  }

  forget(traceIds: readonly string[]): void {
    for (const id of traceIds) this.counts.delete(id);
  }

  computed(_event: { id: string; trace_id: string }): ComputedFields | undefined {
    return undefined;
  }

  traceRaces(_traceId: string): TraceRaces {
    return {
      concurrent_events: 0,
      potential_races: 0,
      anomalies: [],
      race_details: [],
      groups: [],
    };
  }
  auditTrails(): Record<string, never[]> {
    return {};
  }
  auditTrail(): never[] {
    return [];
  }
  criticalPath(_traceId: string): CriticalPathResponse | null {
    return null;
  }
  anomalies(): never[] {
    return [];
  }
  dependencies(traceId: string): ServiceDependencies {
    return { trace_id: traceId, services: [], dependencies: [] };
  }
  causalGraph(traceId: string): TraceGraph {
    return { trace_id: traceId, nodes: [], edges: [], races: [] };
  }

  globalAnalysis(_limit: number): GlobalAnalysis {
    let events = 0;
    for (const n of this.counts.values()) events += n;
    return {
      total_traces: this.counts.size,
      total_events: events,
      concurrent_events: 0,
      potential_races: 0,
      anomalies: [],
      race_details: [],
      truncated: false,
    };
  }
  globalRaceCandidates(): never[] {
    return [];
  }
  services(): never[] {
    return [];
  }
  serviceDependencies(service: string): ServiceDependencyReport {
    return { service_name: service, calls_to: [], called_by: [] };
  }
  distributedEdges(): never[] {
    return [];
  }
  hotspots(): { top_variables: never[]; top_service_calls: never[] } {
    return { top_variables: [], top_service_calls: [] };
  }
  serviceHealth(): never[] {
    return [];
  }
  performance(_limit: number): PerformanceMetrics {
    return {
      trace_latency: { avg_ms: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0, slowest_traces: [] },
      event_performance: { avg_duration_ms: 0, by_type: [], slow_operations: [] },
      service_latency: [],
      throughput: { events_per_second: 0, traces_per_second: 0, time_range_seconds: 0 },
    };
  }
  servicePerformance(): undefined {
    return undefined;
  }
  tracesWithRaces(): ReadonlySet<string> {
    return new Set();
  }
  tracesTouching(_variable: string): ReadonlySet<string> {
    return new Set();
  }
}
