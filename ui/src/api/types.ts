/**
 * Shapes the dashboard reads from the collector API: the collector's own types (type-only imports, erased
 * from the bundle), so the dashboard cannot drift from what the routes answer. The event model and the
 * analysis results, and the envelope, lists and wrappers the routes put them in (response-shapes.ts).
 */
export type {
  RaceAccess,
  RaceDetail,
  RaceGroup,
  RaceSeverity,
  AnomalySeverity,
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
export type {
  ClockEntry,
  AccessType,
  FunctionCallKind,
  StateChangeKind,
  LockKind,
  HttpRequestKind,
  HttpResponseKind,
  EventKind,
  EventKindName,
  EventMetadata,
} from '../../../collector/src/model/event';
export type {
  Envelope,
  ApiEvent,
  TraceSummary,
  TraceListRow,
  TracesList,
  FullTraceAnalysis,
  AuditTrail,
  TraceAnomalies,
  ServicesList,
  ServiceTraces,
  ServicePerformanceResponse,
  EdgesList,
  GlobalRacesList,
  StreamMessages,
} from '../../../collector/src/api/response-shapes';
import type { TraceGraph } from '../../../collector/src/engine/results';

export type TraceGraphNode = TraceGraph['nodes'][number];
export type CausalEdgeType = TraceGraph['edges'][number]['type'];
