import type { CriticalPathResponse, CriticalPathStep } from '../results.js';
import type { TraceView } from '../trace-view.js';
import { operationKey } from '../anomalies/operation-key.js';
import type { CriticalWalk } from './critical-sections.js';
import { terminalCandidates, walkCriticalPath } from './critical-sections.js';
import { durationUs, nestingForest } from './nesting-forest.js';
import { pathKind, pathLocation } from './path-labels.js';
import { eventInterval } from '../../model/event-interval.js';

/**
 * The critical path of one trace on real intervals (DESIGN "Analyses"; replaces the double-counting sum of
 * spec §4.10, see §10.1.11): the chain of causally dependent work that ends last, each instant counted once.
 * `total_duration_ms` is the time the path's sections cover; `trace_total_duration_ms` is the trace's wall time
 * (first start to last end). Null for a trace without events. Pure and deterministic: ties break on event ids,
 * never on arrival order.
 */
export function criticalPath(view: TraceView): CriticalPathResponse | null {
  if (view.events.length === 0) return null;
  const forest = nestingForest(view);
  let walk: CriticalWalk | undefined;
  let walkTotal = -1;
  for (const terminal of terminalCandidates(forest)) {
    const candidate = walkCriticalPath(forest, terminal);
    const total = candidate.sections.reduce((sum, s) => sum + (s.end - s.start), 0);
    if (total > walkTotal) [walk, walkTotal] = [candidate, total];
  }
  if (!walk) return null;

  let traceStart = Infinity;
  let traceEnd = -Infinity;
  for (const event of view.events) {
    const { startUs, endUs } = eventInterval(event);
    traceStart = Math.min(traceStart, startUs);
    traceEnd = Math.max(traceEnd, endUs);
  }

  const selfUs = new Map<string, number>();
  for (const s of walk.sections)
    selfUs.set(s.eventId, (selfUs.get(s.eventId) ?? 0) + s.end - s.start);
  const walkIndex = new Map(walk.visited.map((id, index) => [id, index]));
  const path: CriticalPathStep[] = [];
  for (const id of walk.visited) {
    const interval = forest.intervals.get(id);
    if (!interval) continue;
    const { event } = interval;
    path.push({
      id,
      kind: pathKind(event),
      location: pathLocation(event),
      timestamp: event.timestamp,
      duration_ms: ms(durationUs(event)),
      service_name: event.metadata.service_name,
      start_ms: ms(interval.start - traceStart),
      end_ms: ms(interval.rawEnd - traceStart),
      self_ms: ms(selfUs.get(id) ?? 0),
    });
  }
  // Chronological; among equal starts the enclosing event first, then the walk order reversed (the walk
  // runs backwards, so the later-visited event is the predecessor).
  const depth = (id: string): number => {
    let levels = 0;
    for (let p = forest.parentOf.get(id); p !== undefined; p = forest.parentOf.get(p)) levels++;
    return levels;
  };
  path.sort(
    (a, b) =>
      a.start_ms - b.start_ms ||
      depth(a.id) - depth(b.id) ||
      walkIndex.get(b.id)! - walkIndex.get(a.id)!,
  );

  const total = ms(walkTotal);
  const wall = ms(traceEnd - traceStart);
  return {
    trace_id: view.traceId,
    path_events: path.length,
    total_duration_ms: total,
    trace_total_duration_ms: wall,
    percentage_of_total: percent(total, wall),
    path,
    by_service: shares(path, (step) => step.service_name, total).map(
      ([service, duration_ms, percentage]) => ({
        service,
        duration_ms,
        percentage,
      }),
    ),
    by_operation: shares(
      path,
      (step) => operationKey(forest.intervals.get(step.id)!.event.kind),
      total,
    ).map(([operation, duration_ms, percentage]) => ({ operation, duration_ms, percentage })),
  };
}

function shares(
  path: readonly CriticalPathStep[],
  keyOf: (step: CriticalPathStep) => string,
  total: number,
): Array<[string, number, number]> {
  const sums = new Map<string, number>();
  for (const step of path) sums.set(keyOf(step), (sums.get(keyOf(step)) ?? 0) + step.self_ms);
  return [...sums]
    .filter(([, duration]) => duration > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, duration]) => [key, ms(duration * 1000), percent(duration, total)]);
}

/** µs → ms, rounded to the nanosecond so float noise never shows in the API. */
function ms(us: number): number {
  return Math.round(us * 1000) / 1e6;
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0;
}
