import type { GlobalAnalysis, Hotspots } from '../../engine/results.js';
import type {
  FullTraceAnalysis,
  GlobalRacesList,
  ServerStatus,
  ServicesList,
  TraceRacesResponse,
  TracesList,
} from '../../api/response-shapes.js';
import type { LiveMessage, LiveState } from '../live/live-stream.js';

/** Filters of the trace list, as `GET /api/traces` takes them. */
export interface TraceListQuery {
  page: number;
  pageSize: number;
  service?: string | undefined;
  hasRaces?: boolean | undefined;
  idPrefix?: string | undefined;
}

/**
 * Everything the TUI reads from a collector. The real one speaks HTTP + SSE; component tests pass an
 * in-memory one.
 */
export interface RacewaySource {
  readonly server: string;
  listTraces(query: TraceListQuery): Promise<TracesList>;
  trace(traceId: string): Promise<FullTraceAnalysis>;
  traceRaces(traceId: string): Promise<TraceRacesResponse>;
  services(): Promise<ServicesList>;
  globalAnalysis(): Promise<GlobalAnalysis>;
  globalRaces(): Promise<GlobalRacesList>;
  hotspots(): Promise<Hotspots>;
  status(): Promise<ServerStatus>;
  /** Follows the live stream until the returned function is called. */
  follow(onMessage: (m: LiveMessage) => void, onState: (s: LiveState) => void): () => void;
}
