/**
 * The JSON the REST API answers, one definition for the routes that build it and for the CLI, the TUI
 * and the dashboard that read it. Field names follow spec §3.4 (old clients read them); extra fields are
 * additions. The analyses' own results are in ../engine/results.ts; these are the wrappers around them.
 *
 * Type-only imports, and only from modules that import nothing at run time: the dashboard compiles this
 * file with its own settings and must not pull the server into its type check or its bundle.
 */
import type { AnalysisUpdate } from '../engine/analyzer.js';
import type {
  Anomaly,
  CriticalPathResponse,
  DistributedEdge,
  GlobalRaceCandidate,
  ServiceDependencies,
  ServicePerformance,
  ServiceSummary,
  TraceRaces,
  VariableAccess,
} from '../engine/results.js';
import type { ApiEvent } from '../model/stored-event.js';
import type { Store, TraceSummary } from '../store/store.js';

export type { Envelope } from './envelope.js';
export type { ApiEvent } from '../model/stored-event.js';
export type { TraceSummary } from '../store/store.js';

/** A row of `GET /api/traces`: the stored summary plus race marks for list views (dashboard, TUI). */
export interface TraceListRow extends TraceSummary {
  has_races: boolean;
  /** Racing pairs in the trace; 0 when it has none. */
  race_count: number;
}

/** `GET /api/traces` (spec §3.4 `TracesList`). */
export interface TracesList {
  total_traces: number;
  page: number;
  page_size: number;
  total_pages: number;
  traces: TraceListRow[];
}

/** `GET /api/traces/:id` (spec §3.4 `FullTraceAnalysis`). */
export interface FullTraceAnalysis {
  trace_id: string;
  events: ApiEvent[];
  audit_trails: Record<string, VariableAccess[]>;
  analysis: TraceRaces;
  /** Null when the engine has no path for the trace (`/critical-path` answers an empty one instead). */
  critical_path: CriticalPathResponse | null;
  anomalies: Anomaly[];
  dependencies: ServiceDependencies;
}

/** `GET /api/traces/:id/audit-trail/:variable` */
export interface AuditTrail {
  trace_id: string;
  variable: string;
  accesses: VariableAccess[];
}

/** `GET /api/traces/:id/anomalies` */
export interface TraceAnomalies {
  trace_id: string;
  anomaly_count: number;
  anomalies: Anomaly[];
}

/** `GET /api/traces/:id/races` */
export interface TraceRacesResponse extends TraceRaces {
  trace_id: string;
}

/** `DELETE /api/traces/:id` */
export interface TraceDeleted {
  trace_id: string;
  deleted: true;
}

/** `GET /api/services` */
export interface ServicesList {
  total_services: number;
  services: ServiceSummary[];
}

/** `GET /api/services/:name/traces`: plain summaries, without the race marks of the trace list. */
export interface ServiceTraces {
  service_name: string;
  total_traces: number;
  page: number;
  page_size: number;
  total_pages: number;
  traces: TraceSummary[];
}

/**
 * `GET /api/services/:service_name/performance`: the service's events in every trace in memory, by
 * operation, with failure counts and nearest-rank latency percentiles over the events that have a
 * duration (404 when no event in memory names the service).
 */
export type ServicePerformanceResponse = ServicePerformance;

/** `GET /api/distributed/edges` */
export interface EdgesList {
  total_edges: number;
  edges: DistributedEdge[];
}

/** `GET /api/distributed/global-races` */
export interface GlobalRacesList {
  total_races: number;
  races: GlobalRaceCandidate[];
}

/** Spec §3.4 `WarmupSummary`: boot progress in `/health` and `/status` (replay counts are events). */
export interface WarmupSummary {
  phase: 'idle' | 'replaying' | 'completed' | 'failed';
  ready: boolean;
  total_traces: number;
  processed_traces: number;
  last_trace: null;
  started_at: string;
  /** When the boot replay finished; null until it has. */
  completed_at: string | null;
  last_error: string | null;
}

/** `GET /status` */
export interface ServerStatus {
  version: string;
  uptime_seconds: number;
  events_captured: number;
  traces_active: number;
  storage: Store['kind'];
  warmup: WarmupSummary;
}

/** `GET /api/stream`: the `data` of each SSE message, by its `event` type (the engine's update entries). */
export interface StreamMessages {
  trace: AnalysisUpdate['traces'][number];
  race: AnalysisUpdate['races'][number];
  global_race: AnalysisUpdate['globalRaces'][number];
  anomaly: AnalysisUpdate['anomalies'][number];
}
