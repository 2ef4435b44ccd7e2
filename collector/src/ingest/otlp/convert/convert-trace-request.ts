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

  const events: RacewayEvent[] = [];
  for (const item of converted) {
    linkToParent(item, bySpan);
    for (const event of item.events) events.push(event);
  }
  return { events, acceptedSpans: converted.length, rejected };
}

function linkToParent(item: SpanEvents, bySpan: ReadonlyMap<string, SpanEvents>): void {
  const { span } = item;
  if (span.parentSpanId === '' || span.parentSpanId === '0000000000000000') return;
  const parent = bySpan.get(`${span.traceId}/${span.parentSpanId}`);
  const remote =
    parentIsRemote(span) === true ||
    (parent !== undefined && parent.resource.key !== item.resource.key);
  if (remote) for (const event of item.events) event.metadata.upstream_span_id = span.parentSpanId;
  item.events[0]!.parent_id =
    parent === undefined
      ? spanEventId(span.traceId, span.parentSpanId, 0)
      : parent.events[latestAtOrBefore(parent.times, spawnHorizon(span.startTimeUnixNano))]!.id;
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
