import { kindName } from '../../model/event.js';
import { eventInterval } from '../../model/event-interval.js';
import { isFailure } from '../../model/is-failure.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { formatTimeUs } from '../../model/time.js';
import { nearestRank } from '../aggregates/nearest-rank.js';
import { operationKey } from '../anomalies/operation-key.js';
import type { LatencySummary, ServiceOperation, ServicePerformance } from '../results.js';

/** Slowest events listed in a service's performance. */
export const SLOWEST_SERVICE_EVENTS = 10;

/**
 * Operations listed in a service's performance, the most frequent first. Operation keys name variables
 * (`StateChange(transfer:<id>.status)`), so a service can have one per request: without a bound the
 * report (and the dashboard's table, refetched as events arrive) would grow with the data.
 */
export const MAX_SERVICE_OPERATIONS = 100;

interface OperationTotals {
  operation: string;
  type: string;
  count: number;
  errors: number;
  durations: number[];
}

/**
 * spec §6.2 "Performance" of one service, on the server: every event of the service in the given traces
 * (those in memory that hold one), by operation (the key baselines and the critical path use), with
 * failure counts and nearest-rank latency percentiles over the events that have a duration. Pure; one
 * pass over the events plus a sort of the durations. Undefined when no trace holds an event of it.
 */
export function servicePerformanceOf(
  service: string,
  traces: Iterable<{ traceId: string; events: readonly StoredEvent[] }>,
): ServicePerformance | undefined {
  const operations = new Map<string, OperationTotals>();
  const all: number[] = [];
  const slowest: Array<{ traceId: string; event: StoredEvent; ms: number }> = [];
  let [traceCount, events, errors, firstUs, lastUs] = [0, 0, 0, Infinity, -Infinity];
  for (const { traceId, events: list } of traces) {
    let seen = false;
    for (const event of list) {
      if (event.metadata.service_name !== service) continue;
      seen = true;
      events++;
      firstUs = Math.min(firstUs, event.time_us);
      lastUs = Math.max(lastUs, event.time_us);
      const operation = operationKey(event.kind);
      let totals = operations.get(operation);
      if (!totals) {
        totals = { operation, type: kindName(event.kind), count: 0, errors: 0, durations: [] };
        operations.set(operation, totals);
      }
      totals.count++;
      if (isFailure(event)) {
        totals.errors++;
        errors++;
      }
      const { startUs, endUs } = eventInterval(event);
      const ms = (endUs - startUs) / 1000;
      if (ms <= 0) continue;
      totals.durations.push(ms);
      all.push(ms);
      slowest.push({ traceId, event, ms });
    }
    if (seen) traceCount++;
  }
  if (events === 0) return undefined;

  const rangeSeconds = (lastUs - firstUs) / 1e6;
  return {
    service_name: service,
    trace_count: traceCount,
    event_count: events,
    timed_event_count: all.length,
    error_count: errors,
    first_activity: formatTimeUs(firstUs),
    last_activity: formatTimeUs(lastUs),
    events_per_second: rangeSeconds > 0 ? round3(events / rangeSeconds) : null,
    latency: latencyOf(all),
    operation_count: operations.size,
    operations: [...operations.values()]
      .sort((a, b) => b.count - a.count || compare(a.operation, b.operation))
      .slice(0, MAX_SERVICE_OPERATIONS)
      .map((t): ServiceOperation => ({
        operation: t.operation,
        type: t.type,
        count: t.count,
        error_count: t.errors,
        timed_count: t.durations.length,
        total_ms: ms(t.durations.reduce((sum, d) => sum + d, 0)),
        ...latencyOf(t.durations),
      })),
    slowest_events: slowest
      .sort(
        (a, b) =>
          b.ms - a.ms || a.event.time_us - b.event.time_us || compare(a.event.id, b.event.id),
      )
      .slice(0, SLOWEST_SERVICE_EVENTS)
      .map(({ traceId, event, ms: d }) => ({
        trace_id: traceId,
        event_id: event.id,
        operation: operationKey(event.kind),
        timestamp: event.timestamp,
        duration_ms: ms(d),
      })),
  };
}

/** Average, nearest-rank percentiles and maximum of durations (sorted in place); zeros when empty. */
function latencyOf(durations: number[]): LatencySummary {
  durations.sort((a, b) => a - b);
  const n = durations.length;
  return {
    avg_ms: ms(n > 0 ? durations.reduce((sum, d) => sum + d, 0) / n : 0),
    p50_ms: ms(nearestRank(durations, 0.5)),
    p95_ms: ms(nearestRank(durations, 0.95)),
    p99_ms: ms(nearestRank(durations, 0.99)),
    max_ms: ms(durations[n - 1] ?? 0),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounded to the nanosecond, so float residue never shows in the API. */
function ms(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
