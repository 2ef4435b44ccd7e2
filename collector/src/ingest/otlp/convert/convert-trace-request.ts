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
 * - a child whose parent runs in the same process (same resource) gets `parent_id` = the parent span's
 *   latest event at or before the child's start, so what the parent did before starting the child
 *   happens before it, and what it does later stays concurrent;
 * - a child whose parent is remote (OTLP flags, or a server/consumer span) or in another service gets
 *   `upstream_span_id` = the parent span: a call edge, placed by time in the caller span;
 * - a local parent that is not in this export (batches split span trees) is linked to the parent span's
 *   own event, whose id is derived, so it links whenever it arrives.
 */
export function convertTraceRequest(request: OtlpTraceRequest): TraceConversion {
  const rejected: OtlpRejection[] = [];
  const converted: SpanEvents[] = [];
  const bySpan = new Map<string, SpanEvents>();
  for (const rs of request.resourceSpans) {
    const resource = resourceMetadata(rs.resource);
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) {
        const problem = spanProblem(span);
        const result = problem ?? spanEvents(span, ss.scope, resource);
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
  const first = item.events[0]!;
  const parent = bySpan.get(`${span.traceId}/${span.parentSpanId}`);
  const remote = parentIsRemote(span);
  const upstream =
    remote === true || (parent !== undefined && parent.resource.key !== item.resource.key);
  if (upstream) {
    for (const event of item.events) event.metadata.upstream_span_id = span.parentSpanId;
    return;
  }
  if (parent === undefined) {
    first.parent_id = spanEventId(span.traceId, span.parentSpanId, 0);
    return;
  }
  let pick = 0;
  for (let i = 1; i < parent.times.length; i++)
    if (parent.times[i]! <= span.startTimeUnixNano) pick = i;
    else break;
  first.parent_id = parent.events[pick]!.id;
}
