/**
 * Shapes the dashboard reads from the collector API. The analysis results are the collector's own types
 * (type-only imports, erased from the bundle), so the dashboard cannot drift from what the API serves;
 * the envelopes, lists and stream messages the routes wrap them in are declared here.
 */
export type {
  RaceAccess,
  RaceDetail,
  RaceGroup,
  TraceRaces,
  VariableAccess,
  CriticalPathStep,
  CriticalPathResponse,
  Anomaly,
  ServiceDependencies,
  TraceGraph,
  GlobalRaceDetail,
  GlobalAnalysis,
  GlobalRaceCandidate,
  ServiceSummary,
  ServiceCall,
  ServiceDependencyReport,
  DistributedEdge,
  Hotspots,
  ServiceHealth,
  PerformanceMetrics,
} from '../../../collector/src/engine/results';
// The few of them the shapes below are built from.
import type {
  Anomaly,
  CriticalPathResponse,
  DistributedEdge,
  GlobalRaceCandidate,
  ServiceDependencies,
  ServiceSummary,
  TraceGraph,
  TraceRaces,
  VariableAccess,
} from '../../../collector/src/engine/results';
import type { AnomalySeverity, ApiEvent, RaceSeverity } from './event-types';

export type TraceGraphNode = TraceGraph['nodes'][number];
export type CausalEdgeType = TraceGraph['edges'][number]['type'];

/** Every JSON route answers `{success, data, error}` (spec §3.1). */
export interface Envelope<T> {
  success: boolean;
  data: T | null;
  error: unknown;
}

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

export interface ServicesList {
  total_services: number;
  services: ServiceSummary[];
}

export interface ServiceTraces {
  service_name: string;
  total_traces: number;
  page: number;
  page_size: number;
  total_pages: number;
  traces: TraceSummary[];
}

export interface DistributedEdges {
  total_edges: number;
  edges: DistributedEdge[];
}

export interface GlobalRaces {
  total_races: number;
  races: GlobalRaceCandidate[];
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
