import type { ApiEvent, EventKindName, FullTraceAnalysis } from '../api/types';
import { eventLabel, eventTimeMs, kindName } from './event-kind';

/** How many recent traces of a service the performance view analyses, and how many it fetches at once. */
export const SERVICE_PERFORMANCE_TRACES = 20;
export const SERVICE_PERFORMANCE_BATCH = 5;
/** Slowest events listed. */
export const SLOWEST_EVENTS = 10;

export interface TypeStats {
  type: EventKindName;
  count: number;
  /** Events of this type that have a duration; `totalMs` and `avgMs` are over those only. */
  timed: number;
  totalMs: number;
  avgMs: number;
  maxMs: number;
}

export interface SlowEvent {
  traceId: string;
  eventId: string;
  type: EventKindName;
  label: string;
  timestamp: string;
  durationMs: number;
}

export interface ServicePerformance {
  traces: number;
  /** Traces that had at least one event of the service. */
  tracesWithEvents: number;
  totalEvents: number;
  /** Events with a duration (> 0); the latency statistics are over these. */
  timedEvents: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Events per second over the time between the service's first and last event; null for an instant. */
  eventsPerSecond: number | null;
  timeRangeMs: number;
  byType: TypeStats[];
  slowest: SlowEvent[];
}

/**
 * How long an event's work took, in ms: `metadata.duration_ns` when the SDK sent one, else the interval
 * the API sends (`start_us`/`end_us`), else 0 (an instant).
 */
export function eventDurationMs(event: ApiEvent): number {
  const ns = event.metadata.duration_ns;
  if (typeof ns === 'number' && ns > 0) return ns / 1e6;
  if (event.start_us !== undefined && event.end_us !== undefined)
    return Math.max(0, (event.end_us - event.start_us) / 1000);
  return 0;
}

/** Nearest-rank percentile of sorted values, index `round((n − 1)·p)` as the collector computes it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.round((sorted.length - 1) * p)] as number;
}

/**
 * Spec §6.2 "Performance", computed client-side: the events of `service` in the given trace analyses,
 * counted by type, with latency percentiles over the events that have a duration, the event rate and
 * the slowest events.
 */
export function servicePerformance(
  service: string,
  analyses: readonly FullTraceAnalysis[],
): ServicePerformance {
  const durations: number[] = [];
  const byType = new Map<EventKindName, TypeStats>();
  const slow: SlowEvent[] = [];
  let total = 0;
  let tracesWithEvents = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const analysis of analyses) {
    let seen = false;
    for (const event of analysis.events) {
      if (event.metadata.service_name !== service) continue;
      seen = true;
      total += 1;
      const time = eventTimeMs(event);
      first = Math.min(first, time);
      last = Math.max(last, time);
      const type = kindName(event.kind);
      let stats = byType.get(type);
      if (!stats) {
        stats = { type, count: 0, timed: 0, totalMs: 0, avgMs: 0, maxMs: 0 };
        byType.set(type, stats);
      }
      stats.count += 1;
      const ms = eventDurationMs(event);
      if (ms <= 0) continue;
      durations.push(ms);
      stats.timed += 1;
      stats.totalMs += ms;
      stats.maxMs = Math.max(stats.maxMs, ms);
      slow.push({
        traceId: analysis.trace_id,
        eventId: event.id,
        type,
        label: eventLabel(event),
        timestamp: event.timestamp,
        durationMs: ms,
      });
    }
    if (seen) tracesWithEvents += 1;
  }
  durations.sort((a, b) => a - b);
  for (const stats of byType.values()) stats.avgMs = stats.timed ? stats.totalMs / stats.timed : 0;
  const timeRangeMs = total ? last - first : 0;
  return {
    traces: analyses.length,
    tracesWithEvents,
    totalEvents: total,
    timedEvents: durations.length,
    avgMs: durations.length ? durations.reduce((sum, ms) => sum + ms, 0) / durations.length : 0,
    p50Ms: percentile(durations, 0.5),
    p95Ms: percentile(durations, 0.95),
    p99Ms: percentile(durations, 0.99),
    eventsPerSecond: timeRangeMs > 0 ? total / (timeRangeMs / 1000) : null,
    timeRangeMs,
    byType: [...byType.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    slowest: slow
      .sort((a, b) => b.durationMs - a.durationMs || a.timestamp.localeCompare(b.timestamp))
      .slice(0, SLOWEST_EVENTS),
  };
}
