/**
 * Shapes the dashboard reads from the collector API. They mirror collector/src/engine/results.ts,
 * collector/src/model/event.ts and collector/src/store/store.ts (the UI is a separate bundle and does
 * not import the collector); keep them in step when those change.
 */

/** Every JSON route answers `{success, data, error}` (spec §3.1). */
export interface Envelope<T> {
  success: boolean;
  data: T | null;
  error: unknown;
}

import type {
  AccessType,
  AnomalySeverity,
  ApiEvent,
  ClockEntry,
  RaceSeverity,
} from './event-types';

export type {
  ClockEntry,
  AccessType,
  RaceSeverity,
  AnomalySeverity,
  FunctionCallKind,
  StateChangeKind,
  LockKind,
  HttpRequestKind,
  HttpResponseKind,
  EventKind,
  EventKindName,
  EventMetadata,
  ApiEvent,
} from './event-types';

export interface TraceSummary {
  trace_id: string;
  event_count: number;
  first_timestamp: string;
  last_timestamp: string;
  service_count: number;
  services: string[];
  /** Racing pairs in the trace, when the collector includes it in list rows. */
  race_count?: number;
}

export interface TracesList {
  total_traces: number;
  page: number;
  page_size: number;
  total_pages: number;
  traces: TraceSummary[];
}

export interface RaceAccess {
  event_id: string;
  timestamp: string;
  thread_id: string;
  context: string;
  service_name: string;
  access_type: AccessType;
  location: string;
  old_value: unknown;
  new_value: unknown;
  locks_held: string[];
  clock: ClockEntry[];
}

export interface RaceDetail {
  severity: RaceSeverity;
  variable: string;
  event1_id: string;
  event2_id: string;
  event1_thread: string;
  event2_thread: string;
  event1_location: string;
  event2_location: string;
  description: string;
  group_count: number;
  first: RaceAccess;
  second: RaceAccess;
}

export interface RaceGroup {
  variable: string;
  severity: RaceSeverity;
  locations: [
    { location: string; access_type: AccessType },
    { location: string; access_type: AccessType },
  ];
  count: number;
  examples: Array<{ event1_id: string; event2_id: string }>;
}

export interface TraceRaces {
  concurrent_events: number;
  potential_races: number;
  anomalies: string[];
  race_details: RaceDetail[];
  groups?: RaceGroup[];
}

export interface VariableAccess {
  event_id: string;
  timestamp: string;
  thread_id: string;
  context?: string;
  service_name: string;
  access_type: AccessType;
  old_value: unknown;
  new_value: unknown;
  location: string;
  has_causal_link_to_previous: boolean;
  is_race: boolean;
  locks_held?: string[];
}

export interface CriticalPathStep {
  id: string;
  kind: string;
  location: string;
  timestamp: string;
  duration_ms: number;
  service_name?: string;
  start_ms?: number;
  end_ms?: number;
  self_ms?: number;
}

export interface CriticalPathResponse {
  trace_id: string;
  path_events: number;
  total_duration_ms: number;
  trace_total_duration_ms: number;
  percentage_of_total: number;
  path: CriticalPathStep[];
  by_service?: Array<{ service: string; duration_ms: number; percentage: number }>;
  by_operation?: Array<{ operation: string; duration_ms: number; percentage: number }>;
}

export interface Anomaly {
  event_id: string;
  event_kind: string;
  service_name?: string;
  severity: AnomalySeverity;
  actual_duration_ms: number;
  expected_duration_ms: number;
  std_dev_from_mean: number;
  baseline_count?: number;
  baseline_p50_ms?: number;
  baseline_p99_ms?: number;
  description: string;
  location: string;
  timestamp: string;
}

export interface ServiceDependencies {
  trace_id: string;
  services: Array<{ name: string; event_count: number }>;
  dependencies: Array<{ from: string; to: string; call_count: number }>;
}

/** `GET /api/traces/:id` (spec §3.4 FullTraceAnalysis). */
export interface FullTraceAnalysis {
  trace_id: string;
  events: ApiEvent[];
  audit_trails: Record<string, VariableAccess[]>;
  analysis: TraceRaces;
  critical_path: CriticalPathResponse | null;
  anomalies: Anomaly[];
  dependencies: ServiceDependencies | null;
}

export type CausalEdgeType = 'program' | 'spawn' | 'call' | 'return';

export interface TraceGraphNode {
  id: string;
  context: string;
  service_name: string;
  kind: string;
  label: string;
  timestamp: string;
}

export interface TraceGraph {
  trace_id: string;
  nodes: TraceGraphNode[];
  edges: Array<{ from: string; to: string; type: CausalEdgeType }>;
  races: Array<{ event1_id: string; event2_id: string; severity: RaceSeverity }>;
}

export interface AuditTrail {
  trace_id: string;
  variable: string;
  accesses: VariableAccess[];
}

export interface TraceAnomalies {
  trace_id: string;
  anomaly_count: number;
  anomalies: Anomaly[];
}

export interface GlobalRaceDetail {
  severity: RaceSeverity;
  variable: string;
  trace1_id: string;
  trace2_id: string;
  event1_id?: string;
  event2_id?: string;
  event1_thread: string;
  event2_thread: string;
  event1_location: string;
  event2_location: string;
  event1_timestamp: string;
  event2_timestamp: string;
  description: string;
}

export interface GlobalAnalysis {
  total_traces: number;
  total_events: number;
  concurrent_events: number;
  potential_races: number;
  anomalies: string[];
  race_details: GlobalRaceDetail[];
  truncated?: boolean;
}

export interface GlobalRaceCandidate {
  variable: string;
  trace_count: number;
  access_count: number;
  access_types: AccessType[];
  thread_count: number;
  severity: RaceSeverity;
  trace_ids: string[];
  confirmed_races?: number;
}

export interface ServiceSummary {
  name: string;
  event_count: number;
  trace_count: number;
  last_activity?: string;
}

export interface ServicesList {
  total_services: number;
  services: ServiceSummary[];
}

export interface ServiceCall {
  to: string;
  total_calls: number;
  trace_count: number;
  error_count?: number;
  p50_ms?: number;
  p95_ms?: number;
  p99_ms?: number;
}

export interface ServiceDependencyReport {
  service_name: string;
  calls_to: ServiceCall[];
  called_by: Array<ServiceCall & { from?: string }>;
}

export interface ServiceTraces {
  service_name: string;
  total_traces: number;
  page: number;
  page_size: number;
  total_pages: number;
  traces: TraceSummary[];
}

export interface DistributedEdge {
  from_service: string;
  to_service: string;
  link_type: string;
  call_count: number;
  error_count?: number;
  p50_ms?: number;
  p95_ms?: number;
  p99_ms?: number;
}

export interface DistributedEdges {
  total_edges: number;
  edges: DistributedEdge[];
}

export interface GlobalRaces {
  total_races: number;
  races: GlobalRaceCandidate[];
}

export interface Hotspots {
  top_variables: Array<{
    variable: string;
    access_count: number;
    trace_count: number;
    services: string[];
  }>;
  top_service_calls: Array<{ from_service: string; to_service: string; call_count: number }>;
}

export interface ServiceHealth {
  name: string;
  status: 'healthy' | 'warning' | 'critical';
  trace_count: number;
  last_activity: string;
  avg_events_per_trace: number;
  minutes_since_last_activity: number;
}

export interface PerformanceMetrics {
  trace_latency: {
    avg_ms: number;
    p50_ms: number;
    p95_ms: number;
    p99_ms: number;
    slowest_traces: Array<{ trace_id: string; duration_ms: number; services: string[] }>;
  };
  event_performance: {
    avg_duration_ms: number;
    by_type: Array<{ type: string; count: number; avg_duration_ms: number }>;
    slow_operations: Array<{ type: string; count: number; avg_duration_ms: number }>;
  };
  service_latency: Array<{ service: string; event_count: number; avg_duration_ms: number }>;
  throughput: { events_per_second: number; traces_per_second: number; time_range_seconds: number };
}

/** Messages of `GET /api/stream` (collector/src/engine/analyzer.ts AnalysisUpdate). */
export interface StreamTrace {
  trace_id: string;
  created: boolean;
  event_count: number;
}
export interface StreamRace {
  trace_id: string;
  variable: string;
  severity: RaceSeverity;
  count: number;
}
export interface StreamGlobalRace {
  variable: string;
  trace1_id: string;
  trace2_id: string;
  severity: RaceSeverity;
}
export interface StreamAnomaly {
  trace_id: string;
  event_id: string;
  severity: AnomalySeverity;
  event_kind: string;
}
