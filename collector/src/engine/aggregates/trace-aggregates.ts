import type { StoredEvent } from '../../model/stored-event.js';
import type { Hotspots, PerformanceMetrics, ServiceHealth, ServiceSummary } from '../results.js';
import { performanceMetrics } from './performance-metrics.js';
import { serviceHealth } from './service-health.js';
import { serviceSummaries } from './service-summaries.js';
import { topVariables } from './top-variables.js';
import { TraceSummary } from './trace-summary.js';

/** How many variables and service pairs the hotspots list (spec §3.4). */
export const HOTSPOT_LIMIT = 10;

/**
 * The global views over all traces in memory (spec §3.4, §4.13): services, hotspots, service health and
 * performance. Each trace keeps a small summary folded in at ingest; queries combine the summaries, so
 * results always match the traces in memory and `forget` is exact.
 */
export class TraceAggregates {
  private readonly traces = new Map<string, TraceSummary>();

  /** Folds in one newly accepted event (each event once). */
  add(event: StoredEvent): void {
    let summary = this.traces.get(event.trace_id);
    if (!summary) this.traces.set(event.trace_id, (summary = new TraceSummary(event.trace_id)));
    summary.add(event);
  }

  forget(traceId: string): void {
    this.traces.delete(traceId);
  }

  /** Ids of the traces holding an event of `service`. */
  tracesOf(service: string): string[] {
    const ids: string[] = [];
    for (const summary of this.traces.values())
      if (summary.services.has(service)) ids.push(summary.traceId);
    return ids;
  }

  services(): ServiceSummary[] {
    return serviceSummaries(this.traces.values());
  }

  /** `topServiceCalls` comes from the service graph (`ServiceGraph.topServiceCalls(HOTSPOT_LIMIT)`). */
  hotspots(topServiceCalls: Hotspots['top_service_calls']): Hotspots {
    return {
      top_variables: topVariables(this.traces.values(), HOTSPOT_LIMIT),
      top_service_calls: topServiceCalls.slice(0, HOTSPOT_LIMIT),
    };
  }

  serviceHealth(windowMinutes: number, nowMs: number): ServiceHealth[] {
    return serviceHealth(this.traces.values(), windowMinutes, nowMs);
  }

  performance(limit: number): PerformanceMetrics {
    return performanceMetrics([...this.traces.values()], limit);
  }
}
