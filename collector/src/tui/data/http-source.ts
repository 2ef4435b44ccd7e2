import type { ApiClient } from '../../cli/commands/api-client.js';
import type { GlobalAnalysis, Hotspots } from '../../engine/results.js';
import type {
  FullTraceAnalysis,
  GlobalRacesList,
  ServerStatus,
  ServicesList,
  TraceRacesResponse,
  TracesList,
} from '../../api/response-shapes.js';
import { LiveStream } from '../live/live-stream.js';
import type { RacewaySource, TraceListQuery } from './raceway-source.js';

/** {@link RacewaySource} over the collector's REST API and `/api/stream`. */
export function httpSource(client: ApiClient): RacewaySource {
  return {
    server: client.server,
    listTraces: (q: TraceListQuery) =>
      client.get<TracesList>('/api/traces', {
        page: q.page,
        page_size: q.pageSize,
        service: q.service,
        has_races: q.hasRaces ? 'true' : undefined,
        q: q.idPrefix,
      }),
    trace: (id) => client.get<FullTraceAnalysis>(`/api/traces/${encodeURIComponent(id)}`),
    traceRaces: (id) =>
      client.get<TraceRacesResponse>(`/api/traces/${encodeURIComponent(id)}/races`),
    services: () => client.get<ServicesList>('/api/services'),
    globalAnalysis: () => client.get<GlobalAnalysis>('/api/analyze/global'),
    globalRaces: () => client.get<GlobalRacesList>('/api/distributed/global-races'),
    hotspots: () => client.get<Hotspots>('/api/distributed/hotspots'),
    status: () => client.get<ServerStatus>('/status'),
    follow(onMessage, onState) {
      const stream = new LiveStream({ client, onMessage, onState });
      stream.start();
      return () => stream.stop();
    },
  };
}
