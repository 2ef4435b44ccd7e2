import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchApi, withQuery } from './fetch-api';
import type {
  AuditTrail,
  EdgesList,
  FullTraceAnalysis,
  GlobalAnalysis,
  GlobalRacesList,
  Hotspots,
  PerformanceMetrics,
  ServiceDependencyReport,
  ServiceHealth,
  ServicePerformanceResponse,
  ServicesList,
  ServiceTraces,
  TraceGraph,
  TracesList,
} from './types';

/** Trace-list filters, as they appear in the URL and in `GET /api/traces`. */
export interface TraceFilters {
  service?: string;
  variable?: string;
  hasRaces?: boolean;
  minEvents?: number;
  q?: string;
}

const enc = encodeURIComponent;

/** Query keys: the stream invalidates by these prefixes. */
export const keys = {
  traces: ['traces'] as const,
  trace: (id: string) => ['trace', id] as const,
  system: ['system'] as const,
};

export function useTraces(filters: TraceFilters, pageSize: number): UseQueryResult<TracesList> {
  return useQuery({
    queryKey: [...keys.traces, filters, pageSize],
    queryFn: ({ signal }) =>
      fetchApi<TracesList>(
        withQuery('/api/traces', {
          page: 1,
          page_size: pageSize,
          service: filters.service,
          variable: filters.variable,
          has_races: filters.hasRaces,
          min_events: filters.minEvents,
          q: filters.q,
        }),
        { signal },
      ),
    placeholderData: (previous) => previous,
  });
}

export function useTrace(id: string): UseQueryResult<FullTraceAnalysis> {
  return useQuery({
    queryKey: keys.trace(id),
    queryFn: ({ signal }) => fetchApi<FullTraceAnalysis>(`/api/traces/${enc(id)}`, { signal }),
  });
}

export function useTraceGraph(id: string): UseQueryResult<TraceGraph> {
  return useQuery({
    queryKey: [...keys.trace(id), 'graph'],
    queryFn: ({ signal }) => fetchApi<TraceGraph>(`/api/traces/${enc(id)}/graph`, { signal }),
  });
}

export function useAuditTrail(id: string, variable: string): UseQueryResult<AuditTrail> {
  return useQuery({
    queryKey: [...keys.trace(id), 'audit', variable],
    queryFn: ({ signal }) =>
      fetchApi<AuditTrail>(`/api/traces/${enc(id)}/audit-trail/${enc(variable)}`, { signal }),
    enabled: variable !== '',
  });
}

function useSystem<T>(name: string, path: string): UseQueryResult<T> {
  return useQuery({
    queryKey: [...keys.system, name, path],
    queryFn: ({ signal }) => fetchApi<T>(path, { signal }),
  });
}

export const useServices = (): UseQueryResult<ServicesList> =>
  useSystem('services', '/api/services');
export const useServiceHealth = (): UseQueryResult<ServiceHealth[]> =>
  useSystem('health', '/api/services/health?time_window_minutes=60');
export const useServiceTraces = (name: string): UseQueryResult<ServiceTraces> =>
  useSystem('service-traces', `/api/services/${enc(name)}/traces?page=1&page_size=100`);
export const useServiceDependencies = (name: string): UseQueryResult<ServiceDependencyReport> =>
  useSystem('service-deps', `/api/services/${enc(name)}/dependencies`);
/** Spec §6.2 "Performance", computed by the collector over every event of the service it holds. */
export const useServicePerformance = (name: string): UseQueryResult<ServicePerformanceResponse> =>
  useSystem('service-performance', `/api/services/${enc(name)}/performance`);
export const useDistributedEdges = (): UseQueryResult<EdgesList> =>
  useSystem('edges', '/api/distributed/edges');
export const useGlobalRaces = (): UseQueryResult<GlobalRacesList> =>
  useSystem('global-races', '/api/distributed/global-races');
export const useGlobalAnalysis = (): UseQueryResult<GlobalAnalysis> =>
  useSystem('global', '/api/analyze/global');
export const useHotspots = (): UseQueryResult<Hotspots> =>
  useSystem('hotspots', '/api/distributed/hotspots');
export const usePerformance = (): UseQueryResult<PerformanceMetrics> =>
  useSystem('performance', '/api/performance/metrics?limit=50');
