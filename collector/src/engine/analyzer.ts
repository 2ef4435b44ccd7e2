import type { ComputedFields, StoredEvent } from '../model/stored-event.js';
import type {
  Anomaly,
  AnomalySeverity,
  CriticalPathResponse,
  DistributedEdge,
  GlobalAnalysis,
  GlobalRaceCandidate,
  Hotspots,
  PerformanceMetrics,
  RaceSeverity,
  ServiceDependencies,
  ServiceDependencyReport,
  ServiceHealth,
  ServicePerformance,
  ServiceSummary,
  TraceGraph,
  TraceRaces,
  VariableAccess,
} from './results.js';

/** What one `ingest` call changed, for the live stream (SSE) and metrics. */
export interface AnalysisUpdate {
  traces: Array<{ trace_id: string; created: boolean; event_count: number }>;
  /** Race groups that appeared or grew in this update. */
  races: Array<{ trace_id: string; variable: string; severity: RaceSeverity; count: number }>;
  /** Cross-trace races first seen in this update. */
  globalRaces: Array<{
    variable: string;
    trace1_id: string;
    trace2_id: string;
    severity: RaceSeverity;
  }>;
  anomalies: Array<{
    trace_id: string;
    event_id: string;
    severity: AnomalySeverity;
    event_kind: string;
  }>;
}

export interface AnalyzerOptions {
  /** Clock-skew tolerance (ms) when comparing the time windows of traces (cross-trace races). */
  skewToleranceMs: number;
  /**
   * Tolerance (ms) of the time rules that place call and return edges between a caller span and its
   * callee when no clock was propagated (old TS SDK). Calls take milliseconds, so a window as wide as
   * `skewToleranceMs` would drop their edges and report ordered writes as races. Default 1.
   */
  callSkewToleranceMs?: number;
  /** Samples a baseline needs before anomalies are judged against it. */
  anomalyMinSamples: number;
}

/**
 * The causality stage and the analyses, as one incremental unit. Pure: no I/O and no reading of the time
 * (time-dependent queries take `nowMs`). Contract:
 * - `ingest` takes events not seen before (the store deduplicates by id) in any order and any batching;
 *   results never depend on arrival order (late parents are re-linked).
 * - Query methods on an unknown trace return empty results (the API decides on 404 via the store).
 * - `forget` drops every trace-scoped state of those traces (deletion, retention).
 */
export interface Analyzer {
  ingest(events: readonly StoredEvent[]): AnalysisUpdate;
  forget(traceIds: readonly string[]): void;

  /** Computed clock, lock set and context of a stored event (undefined when unknown). */
  computed(event: { id: string; trace_id: string }): ComputedFields | undefined;

  traceRaces(traceId: string): TraceRaces;
  auditTrails(traceId: string): Record<string, VariableAccess[]>;
  auditTrail(traceId: string, variable: string): VariableAccess[];
  criticalPath(traceId: string): CriticalPathResponse | null;
  anomalies(traceId: string): Anomaly[];
  dependencies(traceId: string): ServiceDependencies;
  causalGraph(traceId: string): TraceGraph;

  /** Cross-trace races; `limit` caps `race_details` and sets `truncated`. */
  globalAnalysis(limit: number): GlobalAnalysis;
  globalRaceCandidates(): GlobalRaceCandidate[];
  services(): ServiceSummary[];
  serviceDependencies(service: string): ServiceDependencyReport;
  distributedEdges(): DistributedEdge[];
  hotspots(): Hotspots;
  serviceHealth(windowMinutes: number, nowMs: number): ServiceHealth[];
  performance(limit: number): PerformanceMetrics;
  /** Performance of one service over the traces in memory; undefined when none holds its events. */
  servicePerformance(service: string): ServicePerformance | undefined;

  /** Trace ids with at least one race (for list filters). */
  tracesWithRaces(): ReadonlySet<string>;
  /** Trace ids with a StateChange on `variable`. */
  tracesTouching(variable: string): ReadonlySet<string>;
}
