/**
 * Result shapes of the analyses as the REST API serves them. Field names follow spec §3.4 (the old clients
 * read them); extra fields are additions. All timestamps are RFC 3339 UTC with a `Z` suffix.
 */
import type { AccessType } from '../model/event.js';

export type RaceSeverity = 'CRITICAL' | 'WARNING' | 'INFO';
export type AnomalySeverity = 'Minor' | 'Warning' | 'Critical';

/** What the API says about one access to a variable, in a race pair or an audit trail. */
export interface AccessFacts {
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
}

/** One access of a race pair, enough to show both sides next to each other. */
export interface RaceAccess extends AccessFacts {
  clock: Array<[string, number]>;
}

/** One racing pair in spec §3.4 shape, plus both accesses in full. */
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
  /** Races of the same (variable, location/access pair) group, this pair included. */
  group_count: number;
  first: RaceAccess;
  second: RaceAccess;
}

/** Races grouped by (variable, pair of (location, access type)), with a count and examples. */
export interface RaceGroup {
  variable: string;
  severity: RaceSeverity;
  locations: [
    { location: string; access_type: AccessType },
    { location: string; access_type: AccessType },
  ];
  count: number;
  /** Representative pairs (earlier, later), at least one. */
  examples: Array<{ event1_id: string; event2_id: string }>;
}

export interface TraceRaces {
  /** Number of racing pairs (spec §3.4: `concurrent_events` = `potential_races`). */
  concurrent_events: number;
  potential_races: number;
  /** Human-readable lines (spec §3.4), kept for old clients; new clients use `race_details`. */
  anomalies: string[];
  /**
   * Representative pairs of every group (up to 10 each, so a small trace lists every pair as spec §3.4
   * did), ordered by the earlier access; `groups` lists every group with its exact count.
   */
  race_details: RaceDetail[];
  groups: RaceGroup[];
}

export interface VariableAccess extends AccessFacts {
  has_causal_link_to_previous: boolean;
  /** Races with any earlier access (not only the previous one). */
  is_race: boolean;
  /**
   * Ids of the accesses of this trace that this one races with, earlier or later, in trail order. At
   * most 20 (a hot variable would otherwise make the trail quadratic): the earlier ones first, then
   * later ones while there is room; `race_partner_count` says how many there are in all.
   */
  race_partners: string[];
  /** Accesses this one races with in all; more than `race_partners.length` when the list was cut. */
  race_partner_count: number;
}

export interface CriticalPathStep {
  id: string;
  /** `FunctionCall(name)`, `StateChange(var)`, `HttpRequest(METHOD url)`, ... (spec §3.4). */
  kind: string;
  location: string;
  timestamp: string;
  duration_ms: number;
  service_name: string;
  /** Start and end offsets from the trace start, ms. */
  start_ms: number;
  end_ms: number;
  /** Time of this step on the path not covered by its successor on the path. */
  self_ms: number;
}

export interface CriticalPathResponse {
  trace_id: string;
  path_events: number;
  total_duration_ms: number;
  trace_total_duration_ms: number;
  percentage_of_total: number;
  path: CriticalPathStep[];
  by_service: Array<{ service: string; duration_ms: number; percentage: number }>;
  by_operation: Array<{ operation: string; duration_ms: number; percentage: number }>;
}

export interface Anomaly {
  event_id: string;
  event_kind: string;
  service_name: string;
  severity: AnomalySeverity;
  actual_duration_ms: number;
  expected_duration_ms: number;
  std_dev_from_mean: number;
  /** Baseline facts the judgement used (excluding this event). */
  baseline_count: number;
  baseline_p50_ms: number;
  baseline_p99_ms: number;
  description: string;
  location: string;
  timestamp: string;
}

export interface ServiceDependencies {
  trace_id: string;
  services: Array<{ name: string; event_count: number }>;
  dependencies: Array<{ from: string; to: string; call_count: number }>;
}

/** Causal graph of one trace for the DAG view. */
export interface TraceGraph {
  trace_id: string;
  nodes: Array<{
    id: string;
    context: string;
    service_name: string;
    kind: string;
    label: string;
    timestamp: string;
  }>;
  /** `program` (same context), `spawn` (parent_id across contexts), `call`, `return`. */
  edges: Array<{ from: string; to: string; type: 'program' | 'spawn' | 'call' | 'return' }>;
  /** Racing pairs, drawn in red. */
  races: Array<{ event1_id: string; event2_id: string; severity: RaceSeverity }>;
}

export interface GlobalRaceDetail {
  severity: RaceSeverity;
  variable: string;
  trace1_id: string;
  trace2_id: string;
  event1_id: string;
  event2_id: string;
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
  /** True when `race_details` was cut to the requested limit (`potential_races` still counts all). */
  truncated: boolean;
}

export interface GlobalRaceCandidate {
  variable: string;
  trace_count: number;
  access_count: number;
  access_types: AccessType[];
  thread_count: number;
  severity: RaceSeverity;
  trace_ids: string[];
  /** Cross-trace racing pairs confirmed by the HB + lock + time-window rule. */
  confirmed_races: number;
}

export interface ServiceSummary {
  name: string;
  event_count: number;
  trace_count: number;
  last_activity: string;
}

export interface ServiceCall {
  to: string;
  total_calls: number;
  trace_count: number;
  error_count: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

export interface ServiceDependencyReport {
  service_name: string;
  calls_to: ServiceCall[];
  /** Spec quirk kept for old clients: the caller's name is in `to`; `from` says it plainly. */
  called_by: Array<ServiceCall & { from: string }>;
}

export interface DistributedEdge {
  from_service: string;
  to_service: string;
  link_type: 'HttpCall' | 'DatabaseQuery' | 'Custom' | 'Span';
  call_count: number;
  error_count: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
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

/** Latency of a set of events with a duration, ms: nearest-rank percentiles (spec §3.4). */
export interface LatencySummary {
  avg_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

/** One operation of a service (`FunctionCall(transfer)`, `HttpResponse(500)`, ...: the baselines' key). */
export interface ServiceOperation extends LatencySummary {
  operation: string;
  /** The event kind (`FunctionCall`, `HttpResponse`, ...). */
  type: string;
  count: number;
  /** Events that are failures: an Error event, or an HTTP response with a 5xx status. */
  error_count: number;
  /** Events with a duration; the latency fields are over these (zeros when none). */
  timed_count: number;
  total_ms: number;
}

/** Performance of one service over every trace in memory that holds one of its events. */
export interface ServicePerformance {
  service_name: string;
  trace_count: number;
  event_count: number;
  /** Events with a duration; `latency` is over these. */
  timed_event_count: number;
  error_count: number;
  first_activity: string;
  last_activity: string;
  /** Events per second between the first and the last event; null when they are one instant. */
  events_per_second: number | null;
  latency: LatencySummary;
  /** Distinct operations of the service in all. */
  operation_count: number;
  /** By count, most frequent first; at most 100 (`operation_count` says how many there are). */
  operations: ServiceOperation[];
  /** The slowest events with a duration, slowest first (at most 10). */
  slowest_events: Array<{
    trace_id: string;
    event_id: string;
    operation: string;
    timestamp: string;
    duration_ms: number;
  }>;
}
