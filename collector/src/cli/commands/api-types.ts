/**
 * Response `data` shapes of the collector routes the CLI and TUI read (spec §3.3/§3.4 plus our
 * additions). Analysis results come from the engine's result types, so both sides share one vocabulary.
 */
import type {
  Anomaly,
  CriticalPathResponse,
  DistributedEdge,
  GlobalRaceCandidate,
  ServiceDependencies,
  ServiceSummary,
  TraceRaces,
  VariableAccess,
} from '../../engine/results.js';
import type { ApiEvent } from '../../model/stored-event.js';
import type { TraceSummary } from '../../store/store.js';

export type {
  Anomaly,
  CriticalPathResponse,
  DistributedEdge,
  GlobalAnalysis,
  GlobalRaceCandidate,
  GlobalRaceDetail,
  Hotspots,
  PerformanceMetrics,
  RaceAccess,
  RaceDetail,
  ServiceDependencies,
  ServiceDependencyReport,
  ServiceHealth,
  ServiceSummary,
  TraceRaces,
  VariableAccess,
} from '../../engine/results.js';
export type { ApiEvent } from '../../model/stored-event.js';
export type { TraceSummary } from '../../store/store.js';

/** `GET /api/traces` */
export interface TracesList {
  total_traces: number;
  page: number;
  page_size: number;
  total_pages: number;
  traces: TraceSummary[];
}

/** `GET /api/traces/:id` */
export interface FullTraceAnalysis {
  trace_id: string;
  events: ApiEvent[];
  audit_trails: Record<string, VariableAccess[]>;
  analysis: TraceRaces;
  critical_path: CriticalPathResponse | null;
  anomalies: Anomaly[];
  dependencies: ServiceDependencies | null;
}

/** `GET /api/services` */
export interface ServicesList {
  total_services: number;
  services: ServiceSummary[];
}

/** `GET /api/services/:name/traces` */
export interface ServiceTraces {
  service_name: string;
  total_traces: number;
  page: number;
  page_size: number;
  total_pages: number;
  traces: TraceSummary[];
}

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

/** `GET /status` */
export interface ServerStatus {
  version: string;
  uptime_seconds: number;
  events_captured: number;
  traces_active: number;
}
