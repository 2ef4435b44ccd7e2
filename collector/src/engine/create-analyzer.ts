import type { StoredEvent } from '../model/stored-event.js';
import type { AnalysisUpdate, Analyzer, AnalyzerOptions } from './analyzer.js';
import { HOTSPOT_LIMIT, TraceAggregates } from './aggregates/index.js';
import { AnomalyDetector } from './anomalies/index.js';
import { auditTrailsOf } from './audit/audit-trails-of.js';
import { criticalPath } from './critical-path/index.js';
import { ServiceGraph, traceDependencies } from './dependencies/index.js';
import { CrossTraceIndex } from './global-races/cross-trace-index.js';
import { globalAnalysisOf } from './global-races/global-analysis-of.js';
import { globalRaceCandidatesOf } from './global-races/global-race-candidates-of.js';
import { globalSweep, type GlobalSweep } from './global-races/global-sweep.js';
import { footprintOf } from './global-races/trace-footprint.js';
import { causalGraphOf } from './graph/causal-graph-of.js';
import { traceViewOf } from './graph/trace-view-of.js';
import { worstSeverity } from './global-races/class-pairs.js';
import type { TraceAnalysis } from './races/trace-analysis.js';
import { servicePerformanceOf } from './service-performance/service-performance-of.js';
import { NO_TRACE_RACES, traceRacesOf } from './races/trace-races-of.js';
import { TraceRegistry } from './races/trace-registry.js';
import type { TraceView } from './trace-view.js';
import { VariableTraces } from './races/variable-traces.js';

/**
 * The composition root of the engine: causality (per-trace analyses in the registry) feeds the race,
 * audit and graph views, the cross-trace index, and the plug-ins (critical path, anomalies, ...).
 */
export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  const skewUs = options.skewToleranceMs * 1000;
  const callSkewUs = (options.callSkewToleranceMs ?? 1) * 1000;
  const cross = new CrossTraceIndex(skewUs);
  const detector = new AnomalyDetector({ minSamples: options.anomalyMinSamples });
  const touching = new VariableTraces();
  const aggregates = new TraceAggregates();
  const serviceGraph = new ServiceGraph();
  const racy = new Set<string>();
  let pending: AnalysisUpdate | undefined;
  // What an analysis outside ingest found (a query brings a big trace up to date between the doublings
  // that trigger its analysis at ingest): the memo moves on, so it would never be announced; it joins
  // the next ingest update instead.
  let deferred: Pick<AnalysisUpdate, 'races' | 'globalRaces'> = { races: [], globalRaces: [] };
  // The deferred race announcements by trace and group: a group that grows again at the next ingest
  // updates its deferred entry instead of being announced twice in one update.
  let deferredGroups = new Map<string, AnalysisUpdate['races'][number]>();
  let sweep: { version: number; limit: number; result: GlobalSweep } | undefined;

  // The memo of a trace is its race groups' counts (only when it has races), to announce growth.
  const registry = new TraceRegistry(callSkewUs, (next, previousMemo) => {
    if (next.races.total > 0) racy.add(next.traceId);
    else racy.delete(next.traceId);
    const newGlobal = cross.replace(footprintOf(next));
    // Calls link two services: a one-service trace has none (skips the view's sort and maps).
    if (oneService(next.events)) serviceGraph.forget(next.traceId);
    else serviceGraph.update(viewOf(next));
    const counts =
      next.races.groups.length === 0
        ? undefined
        : new Map(next.races.groups.map((g) => [groupKey(g), g.count]));
    const announce = pending ?? deferred;
    const before = previousMemo as Map<string, number> | undefined;
    for (const group of next.races.groups) {
      const key = groupKey(group);
      if (group.count <= (before?.get(key) ?? 0)) continue;
      const earlier = deferredGroups.get(`${next.traceId}\u0000${key}`);
      if (earlier) {
        earlier.count = group.count;
        continue;
      }
      const race = {
        trace_id: next.traceId,
        variable: group.variable,
        severity: group.severity,
        count: group.count,
      };
      announce.races.push(race);
      if (!pending) deferredGroups.set(`${next.traceId}\u0000${key}`, race);
    }
    for (const race of newGlobal) {
      announce.globalRaces.push({
        variable: race.variable,
        trace1_id: race.trace1_id,
        trace2_id: race.trace2_id,
        severity: worstSeverity(race.a.classes, race.b.classes),
      });
    }
    return counts;
  });

  const fresh = (traceId: string): TraceAnalysis | undefined => registry.analysis(traceId);
  // Views are not cached: their sorted events and edge objects would cost ~60 bytes per event.
  const viewOf = (analysis: TraceAnalysis): TraceView => traceViewOf(analysis);
  const sweepOf = (limit: number): GlobalSweep => {
    registry.refreshAll();
    if (!sweep || sweep.version !== cross.version || sweep.limit < limit)
      sweep = {
        version: cross.version,
        limit,
        result: globalSweep(cross.variables(), skewUs, limit),
      };
    return sweep.result;
  };

  return {
    ingest(events: readonly StoredEvent[]): AnalysisUpdate {
      const update: AnalysisUpdate = { traces: [], ...deferred, anomalies: [] };
      deferred = { races: [], globalRaces: [] };
      let fresh: StoredEvent[];
      pending = update;
      try {
        const { touched, accepted } = registry.add(events);
        fresh = accepted;
        for (const t of touched)
          update.traces.push({ trace_id: t.traceId, created: t.created, event_count: t.size });
      } finally {
        pending = undefined;
        deferredGroups = new Map();
      }
      for (const event of fresh) {
        touching.add(event);
        detector.observe(event);
        aggregates.add(event);
      }
      for (const anomaly of detector.judge(fresh)) {
        const event = fresh.find((e) => e.id === anomaly.event_id);
        update.anomalies.push({
          trace_id: event?.trace_id ?? '',
          event_id: anomaly.event_id,
          severity: anomaly.severity,
          event_kind: anomaly.event_kind,
        });
      }
      return update;
    },
    forget(traceIds) {
      if (deferred.races.length + deferred.globalRaces.length > 0) {
        const gone = new Set(traceIds);
        for (const [key, race] of deferredGroups)
          if (gone.has(race.trace_id)) deferredGroups.delete(key);
        deferred = {
          races: deferred.races.filter((r) => !gone.has(r.trace_id)),
          globalRaces: deferred.globalRaces.filter(
            (r) => !gone.has(r.trace1_id) && !gone.has(r.trace2_id),
          ),
        };
      }
      for (const traceId of traceIds) {
        const events = registry.forget(traceId);
        detector.forget(events);
        touching.forget(traceId, events);
        cross.remove(traceId);
        racy.delete(traceId);
        aggregates.forget(traceId);
        serviceGraph.forget(traceId);
      }
    },
    computed(event) {
      const found = registry.analysisOfEvent(event);
      if (!found) return undefined;
      const { causality } = found.analysis;
      return {
        clock: causality.clockOf(found.index),
        locks_held: causality.locks[found.index]!.labels(),
        context: causality.contexts[causality.ctxOf[found.index]!]!,
      };
    },
    traceRaces(traceId) {
      const analysis = fresh(traceId);
      return analysis ? traceRacesOf(analysis) : NO_TRACE_RACES;
    },
    auditTrails(traceId) {
      const analysis = fresh(traceId);
      return analysis ? auditTrailsOf(analysis) : {};
    },
    auditTrail(traceId, variable) {
      const analysis = fresh(traceId);
      return analysis ? (auditTrailsOf(analysis, variable)[variable] ?? []) : [];
    },
    criticalPath(traceId) {
      const analysis = fresh(traceId);
      return analysis ? criticalPath(viewOf(analysis)) : null;
    },
    anomalies(traceId) {
      const analysis = fresh(traceId);
      return analysis ? detector.judge(viewOf(analysis).events) : [];
    },
    dependencies(traceId) {
      const analysis = fresh(traceId);
      return analysis
        ? traceDependencies(viewOf(analysis))
        : { trace_id: traceId, services: [], dependencies: [] };
    },
    causalGraph(traceId) {
      const analysis = fresh(traceId);
      return analysis
        ? causalGraphOf(analysis)
        : { trace_id: traceId, nodes: [], edges: [], races: [] };
    },
    globalAnalysis(limit) {
      return globalAnalysisOf(sweepOf(limit), registry.totals, limit);
    },
    globalRaceCandidates() {
      return globalRaceCandidatesOf(cross.variables(), sweepOf(0).perVariable);
    },
    services: () => aggregates.services(),
    serviceDependencies(service) {
      registry.refreshAll();
      return serviceGraph.serviceDependencies(service);
    },
    distributedEdges() {
      registry.refreshAll();
      return serviceGraph.distributedEdges();
    },
    hotspots() {
      registry.refreshAll();
      return aggregates.hotspots(serviceGraph.topServiceCalls(HOTSPOT_LIMIT));
    },
    serviceHealth: (windowMinutes, nowMs) => aggregates.serviceHealth(windowMinutes, nowMs),
    performance: (limit) => aggregates.performance(limit),
    servicePerformance: (service) =>
      servicePerformanceOf(
        service,
        aggregates
          .tracesOf(service)
          .map((traceId) => ({ traceId, events: registry.traceEvents(traceId) })),
      ),
    tracesWithRaces() {
      registry.refreshAll();
      return racy;
    },
    tracesTouching: (variable) => touching.of(variable),
  };
}

function oneService(events: readonly StoredEvent[]): boolean {
  const service = events[0]?.metadata.service_name;
  return events.every((e) => e.metadata.service_name === service);
}

function groupKey(group: {
  variable: string;
  sides: Array<{ location: string; access_type: string }>;
}): string {
  return [group.variable, ...group.sides.flatMap((s) => [s.location, s.access_type])].join(
    '\u0000',
  );
}
