import type { OtlpTraceRequest } from '@raceway/proto';
import type { RacewayEvent } from '../../../model/event.js';
import { spanEventId } from './otel-ids.js';
import type { OtlpRejection } from './otlp-rejection.js';
import { resourceMetadata } from './resource-metadata.js';
import { parentIsRemote, spanEvents, type SpanEvents } from './span-events.js';
import { spanProblem } from './span-validation.js';

export interface TraceConversion {
  events: RacewayEvent[];
  /** Spans converted (each gives at least one event). */
  acceptedSpans: number;
  rejected: OtlpRejection[];
}

/**
 * An OTLP trace export → Raceway events. Invalid spans are rejected one by one with a reason; the others
 * are kept. Links between spans (DESIGN "Causality"):
 * - the child's first event gets `parent_id` = the parent span's latest event at or before the child's
 *   start when the parent is in this export, else the parent span's own event (its id is derived, so it
 *   links whenever it arrives: batches split span trees). What the parent did before starting the child
 *   happens before the child; what it does later stays concurrent (a spawn edge, exact, no clock skew);
 * - a sibling that had already ended when the child started (`await a(); await b()`) and that started
 *   after that same parent event is the child's link instead: it follows the parent event and the parent
 *   was waiting for it, so sequential children are ordered while overlapping ones stay concurrent (one
 *   `parent_id` per event: the sibling's last event then stands for both);
 * - a child whose parent is remote (OTLP flags, else a server/consumer span) or in another service also
 *   gets `upstream_span_id` = the parent span on all its events: the call edge of the service graph.
 */
export function convertTraceRequest(request: OtlpTraceRequest): TraceConversion {
  const rejected: OtlpRejection[] = [];
  const converted: SpanEvents[] = [];
  const bySpan = new Map<string, SpanEvents>();
  for (const rs of request.resourceSpans) {
    const resource = resourceMetadata(rs.resource);
    for (const ss of rs.scopeSpans) {
      const tagCache = new Map<string, Record<string, string>>();
      for (const span of ss.spans) {
        const problem = spanProblem(span);
        const result = problem ?? spanEvents(span, ss.scope, resource, tagCache);
        if (typeof result === 'string') {
          rejected.push({ traceId: span.traceId, spanId: span.spanId, reason: result });
          continue;
        }
        converted.push(result);
        bySpan.set(`${span.traceId}/${span.spanId}`, result);
      }
    }
  }

  const children = childrenByEnd(converted);
  const events: RacewayEvent[] = [];
  for (const item of converted) {
    linkToParent(item, bySpan, children);
    for (const event of item.events) events.push(event);
  }
  return { events, acceptedSpans: converted.length, rejected };
}

function linkToParent(
  item: SpanEvents,
  bySpan: ReadonlyMap<string, SpanEvents>,
  children: ReadonlyMap<string, readonly SpanEvents[]>,
): void {
  const { span } = item;
  if (span.parentSpanId === '' || span.parentSpanId === '0000000000000000') return;
  const parent = bySpan.get(`${span.traceId}/${span.parentSpanId}`);
  const remote =
    parentIsRemote(span) === true ||
    (parent !== undefined && parent.resource.key !== item.resource.key);
  if (remote) for (const event of item.events) event.metadata.upstream_span_id = span.parentSpanId;
  if (parent === undefined) {
    item.events[0]!.parent_id = spanEventId(span.traceId, span.parentSpanId, 0);
    return;
  }
  const horizon = spawnHorizon(span.startTimeUnixNano);
  const p = latestAtOrBefore(parent.times, horizon);
  const sibling = remote
    ? undefined
    : lastEndedBefore(children.get(parentKey(item)) ?? [], horizon);
  // The sibling stands for the parent event too only when it started after that event (so it follows it).
  const joined =
    sibling !== undefined &&
    latestAtOrBefore(parent.times, spawnHorizon(sibling.span.startTimeUnixNano)) === p;
  item.events[0]!.parent_id = joined ? sibling.events.at(-1)!.id : parent.events[p]!.id;
}

function parentKey(item: SpanEvents): string {
  return `${item.resource.key}/${item.span.traceId}/${item.span.parentSpanId}`;
}

/** In-process children of each parent span, ordered by end time (for {@link lastEndedBefore}). */
function childrenByEnd(converted: readonly SpanEvents[]): Map<string, SpanEvents[]> {
  const byParent = new Map<string, SpanEvents[]>();
  for (const item of converted) {
    if (item.span.parentSpanId === '' || parentIsRemote(item.span) === true) continue;
    const key = parentKey(item);
    const list = byParent.get(key);
    if (list) list.push(item);
    else byParent.set(key, [item]);
  }
  for (const list of byParent.values())
    list.sort((a, b) => (a.span.endTimeUnixNano < b.span.endTimeUnixNano ? -1 : 1));
  return byParent;
}

/** The sibling that ended last at or before `t` (binary search over end times). */
function lastEndedBefore(siblings: readonly SpanEvents[], t: bigint): SpanEvents | undefined {
  let [lo, hi, found] = [0, siblings.length - 1, -1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (siblings[mid]!.span.endTimeUnixNano <= t) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found < 0 ? undefined : siblings[found];
}

/**
 * The latest parent-event time that may still precede a child's start. OTel JS stamps a span's start
 * with `Date.now()` (whole milliseconds) but its events with the high-resolution clock, so an event the
 * parent recorded just before starting the child can carry a later stamp within that millisecond. When a
 * start is millisecond-aligned, events up to the end of that millisecond count as before it.
 */
function spawnHorizon(start: bigint): bigint {
  return start % 1_000_000n === 0n ? start + 999_999n : start;
}

/** Index of the last time ≤ `t` (times are in program order, the first is the span start). */
function latestAtOrBefore(times: readonly bigint[], t: bigint): number {
  let pick = 0;
  for (let i = 1; i < times.length; i++)
    if (times[i]! <= t) pick = i;
    else break;
  return pick;
}
