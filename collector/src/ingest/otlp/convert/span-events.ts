import type { OtlpScope, OtlpSpan } from '@raceway/proto';
import { SpanKind } from '@raceway/proto';
import type { ClockEntry, EventKind, EventMetadata, RacewayEvent } from '../../../model/event.js';
import { rawAttr, stringAttr } from './attribute-lookup.js';
import { nanosBetween, nanosToTimestamp } from './nanos-timestamp.js';
import { eventIdAt, spanIdBase, traceUuidOf } from './otel-ids.js';
import { RacewayAttr } from './raceway-attributes.js';
import { racewayEventKind, racewayKindOf } from './raceway-event-kind.js';
import { parseClock } from './raceway-values.js';
import type { ResourceMetadata } from './resource-metadata.js';
import { codeLocation, spanEventKinds, spanLocation } from './span-event-kind.js';

/** The events of one span in program order, with their times for linking child spans. */
export interface SpanEvents {
  span: OtlpSpan;
  resource: ResourceMetadata;
  events: RacewayEvent[];
  /** Ordering time of each event (never before the span start). */
  times: bigint[];
}

const KIND_NAMES = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

interface Item {
  index: number;
  time: bigint;
  kind: EventKind;
  threadId: string;
  clock: ClockEntry[] | undefined;
  durationNs?: number;
  tags?: Record<string, string>;
}

/**
 * One span → its events: the span itself (`FunctionCall`, `HttpRequest` or `DatabaseQuery`, carrying the
 * duration), a raceway event from the span's own `raceway.*` attributes, each span event (`exception` →
 * `Error`, `raceway.*` → the matching kind, others → `Custom`) and the `HttpResponse` at the end. They form
 * one context (thread = the span id unless `raceway.thread.id` says otherwise), chained by `parent_id` in
 * time order. Ids are derived from (trace, span, index), so re-sent exports are idempotent. Returns a
 * reason instead when a raceway event lacks a required attribute.
 */
export function spanEvents(
  span: OtlpSpan,
  scope: OtlpScope,
  resource: ResourceMetadata,
  tagCache?: Map<string, Record<string, string>>,
): SpanEvents | string {
  const start = span.startTimeUnixNano;
  const durationNs = nanosBetween(start, span.endTimeUnixNano);
  const threadId = stringAttr(span.attributes, RacewayAttr.threadId) ?? span.spanId;
  const location = spanLocation(span);
  const kinds = spanEventKinds(span, scope.name, durationNs);
  const n = span.events.length;

  const items: Item[] = [
    {
      index: 0,
      time: start,
      kind: kinds.start,
      threadId,
      clock: parseClock(rawAttr(span.attributes, RacewayAttr.clock)),
      durationNs,
    },
  ];

  const ownKind =
    racewayKindOf('', span.attributes) ??
    (stringAttr(span.attributes, ...RacewayAttr.variable) === undefined
      ? undefined
      : 'state_change');
  if (ownKind !== undefined) {
    const result = racewayEventKind(ownKind, span.name, span.attributes, { location, threadId });
    if (result && 'error' in result) return `span attributes (${ownKind}): ${result.error}`;
    if (result)
      items.push({
        index: n + 1,
        time: start,
        kind: result.kind,
        threadId,
        clock: undefined,
        ...(result.truncated ? { tags: { 'raceway.value_truncated': 'true' } } : {}),
      });
  }

  for (let i = 0; i < n; i++) {
    const ev = span.events[i]!;
    const a = ev.attributes;
    const evThread = stringAttr(a, RacewayAttr.threadId) ?? threadId;
    const time = ev.timeUnixNano > start ? ev.timeUnixNano : start;
    let tags: Record<string, string> | undefined;
    if (ev.droppedAttributesCount > 0)
      tags = { 'otel.dropped_attributes_count': String(ev.droppedAttributesCount) };
    const clockRaw = rawAttr(a, RacewayAttr.clock);
    const clock = parseClock(clockRaw);
    if (clockRaw !== undefined && clock === undefined)
      tags = { ...tags, 'raceway.clock_invalid': 'true' };
    let kind: EventKind;
    const rk = ev.name === 'exception' ? undefined : racewayKindOf(ev.name, a);
    if (ev.name === 'exception') {
      const stack = stringAttr(a, 'exception.stacktrace');
      kind = {
        Error: {
          error_type: stringAttr(a, 'exception.type') ?? 'Error',
          message: stringAttr(a, 'exception.message') ?? '',
          stack_trace: stack === undefined ? [] : stack.split('\n').filter((l) => l.trim() !== ''),
        },
      };
    } else if (rk !== undefined) {
      const evLocation = codeLocation(a) ?? location;
      const result = racewayEventKind(rk, ev.name, a, { location: evLocation, threadId: evThread });
      if (result && 'error' in result) return `span event ${i} (${ev.name}): ${result.error}`;
      if (!result) continue;
      if (result.truncated) tags = { ...tags, 'raceway.value_truncated': 'true' };
      kind = result.kind;
    } else {
      kind = { Custom: { name: ev.name, data: a } };
    }
    const item: Item = { index: i + 1, time, kind, threadId: evThread, clock };
    if (tags) item.tags = tags;
    items.push(item);
  }

  if (kinds.response)
    items.push({
      index: n + 2,
      time: span.endTimeUnixNano,
      kind: { HttpResponse: kinds.response },
      threadId,
      clock: undefined,
    });

  // The span's own event stays first; the rest follow in time order (index breaks ties).
  const [first, ...rest] = items;
  rest.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : x.index - y.index));
  const ordered = [first!, ...rest];

  const traceId = traceUuidOf(span.traceId);
  const spanTags = spanTagsOf(span, scope, resource, tagCache);
  const events: RacewayEvent[] = [];
  const idBase = spanIdBase(span.traceId, span.spanId);
  let previous: string | null = null;
  for (const item of ordered) {
    const id = eventIdAt(idBase, item.index);
    const metadata: EventMetadata = {
      thread_id: item.threadId,
      process_id: resource.processId,
      service_name: resource.serviceName,
      environment: resource.environment,
      tags: item.tags ? { ...spanTags, ...item.tags } : spanTags,
      distributed_span_id: span.spanId,
    };
    if (item.durationNs !== undefined) metadata.duration_ns = item.durationNs;
    if (resource.instanceId !== undefined) metadata.instance_id = resource.instanceId;
    events.push({
      id,
      trace_id: traceId,
      parent_id: previous,
      timestamp: nanosToTimestamp(item.time),
      kind: item.kind,
      metadata,
      causality_vector: item.clock ?? [],
      lock_set: [],
    });
    previous = id;
  }
  return { span, resource, events, times: ordered.map((i) => i.time) };
}

/** Tags shared by the events of a span: kind, scope, error status and what the SDK dropped. */
function spanTagsOf(
  span: OtlpSpan,
  scope: OtlpScope,
  resource: ResourceMetadata,
  cache: Map<string, Record<string, string>> | undefined,
): Record<string, string> {
  // Spans of one scope with the same name and kind and nothing unusual share one (read-only) tags object.
  const plain =
    span.status.code !== 2 &&
    span.droppedEventsCount === 0 &&
    span.droppedAttributesCount === 0 &&
    span.droppedLinksCount === 0;
  const key = plain && cache ? `${span.kind}\u0000${span.name}` : undefined;
  if (key !== undefined) {
    const cached = cache!.get(key);
    if (cached) return cached;
  }
  const tags: Record<string, string> = { ...resource.tags, 'otel.span_name': span.name };
  tags['otel.span_kind'] = KIND_NAMES[span.kind] ?? String(span.kind);
  if (scope.name) tags['otel.scope'] = scope.name;
  if (span.status.code === 2) {
    tags['otel.status_code'] = 'ERROR';
    if (span.status.message) tags['otel.status_message'] = span.status.message;
  }
  if (span.droppedEventsCount > 0)
    tags['otel.dropped_events_count'] = String(span.droppedEventsCount);
  if (span.droppedAttributesCount > 0)
    tags['otel.dropped_attributes_count'] = String(span.droppedAttributesCount);
  if (span.droppedLinksCount > 0) tags['otel.dropped_links_count'] = String(span.droppedLinksCount);
  if (key !== undefined) cache!.set(key, tags);
  return tags;
}

/** Whether a span's parent runs elsewhere: the OTLP flags say so, else server/consumer spans assume it. */
export function parentIsRemote(span: OtlpSpan): boolean | undefined {
  if ((span.flags & 0x100) !== 0) return (span.flags & 0x200) !== 0;
  if (span.kind === SpanKind.SERVER || span.kind === SpanKind.CONSUMER) return true;
  return undefined;
}
