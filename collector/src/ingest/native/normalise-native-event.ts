import type { ClockEntry, EventKind, EventMetadata, RacewayEvent } from '../../model/event.js';
import { ORIGINAL_TRACE_ID_TAG } from './trace-id.js';

/** The raw event once the schema has checked it (field types hold; optional fields may be absent). */
export interface CheckedEvent {
  parent_id?: string | null;
  /** Exactly one key (the variant as sent). */
  kind: Record<string, unknown>;
  metadata: {
    thread_id: string;
    process_id: number;
    service_name: string;
    environment: string;
    tags?: Record<string, string> | null;
    duration_ns?: number | null;
    instance_id?: string | null;
    distributed_span_id?: string | null;
    upstream_span_id?: string | null;
  };
  causality_vector?: ClockEntry[] | null;
  lock_set?: string[] | null;
}

export interface NormalisedIds {
  id: string;
  traceId: string;
  /** Set when the trace id was not a UUID and was mapped (see `traceUuid`). */
  originalTraceId?: string | undefined;
  parentId: string | null;
  timestamp: string;
}

/**
 * Builds the canonical event from a checked raw one: known fields only, ids and timestamp canonical, Go's
 * `null` collections as empty ones, absent any-JSON fields as `null`, `duration_ns` a whole number.
 * Nested objects (tags, the kind payload) are shared with the parsed body, which nothing else holds.
 *
 * Strings equal to the `previous` event's (the batch's event before, usually of the same trace and
 * context: thread, service, clock component...) are taken from it, as the caller does for the ids.
 * JSON.parse makes a new copy of every string longer than 10 chars; sharing lets the copies die young
 * instead of being kept for the event's life: a third less memory per stored event, less GC work.
 */
export function normaliseNativeEvent(
  raw: CheckedEvent,
  ids: NormalisedIds,
  kindName: string,
  payload: Record<string, unknown>,
  previous?: RacewayEvent,
): RacewayEvent {
  const m = raw.metadata;
  const p = previous?.metadata;
  let tags = m.tags ?? {};
  if (ids.originalTraceId !== undefined)
    tags = { ...tags, [ORIGINAL_TRACE_ID_TAG]: ids.originalTraceId };
  const metadata: EventMetadata = {
    thread_id: same(m.thread_id, p?.thread_id),
    process_id: m.process_id,
    service_name: same(m.service_name, p?.service_name),
    environment: same(m.environment, p?.environment),
    tags,
    duration_ns: m.duration_ns == null ? null : Math.round(m.duration_ns),
  };
  if (m.instance_id != null) metadata.instance_id = same(m.instance_id, p?.instance_id);
  if (m.distributed_span_id != null)
    metadata.distributed_span_id = same(m.distributed_span_id, p?.distributed_span_id);
  if (m.upstream_span_id != null)
    metadata.upstream_span_id = same(m.upstream_span_id, p?.upstream_span_id);
  return {
    id: ids.id,
    trace_id: ids.traceId,
    parent_id: ids.parentId,
    timestamp: ids.timestamp,
    kind: kindOf(raw.kind, kindName, withDefaults(kindName, payload)),
    metadata,
    causality_vector: shareComponents(raw.causality_vector ?? [], previous),
    lock_set: raw.lock_set ?? [],
  };
}

/** `known` when it holds the same text as `text` (then `text`, a fresh copy, can die young). */
function same(text: string, known: string | null | undefined): string {
  return text === known ? known : text;
}

/**
 * The clock with each component (an event id, mostly the trace's first) taken from the previous event's
 * clock or id when equal. The entries are the parsed body's own arrays, so they are updated in place.
 */
function shareComponents(clock: ClockEntry[], previous: RacewayEvent | undefined): ClockEntry[] {
  if (previous === undefined) return clock;
  const before = previous.causality_vector;
  for (let i = 0; i < clock.length; i++) {
    const entry = clock[i]!;
    const known = before[i]?.[0] ?? previous.id;
    if (entry[0] === known) entry[0] = known;
  }
  return clock;
}

/** The sent `kind` object itself when neither its variant nor its payload changed (no garbage). */
function kindOf(
  sent: Record<string, unknown>,
  kindName: string,
  payload: Record<string, unknown>,
): EventKind {
  const same = sent[kindName] === payload;
  return (same ? sent : { [kindName]: payload }) as unknown as EventKind;
}

/** The payload with absent fields filled in; the same object when nothing is missing (no garbage). */
function withDefaults(kindName: string, payload: Record<string, unknown>): Record<string, unknown> {
  switch (kindName) {
    case 'HttpRequest':
    case 'HttpResponse':
      if (payload['headers'] == null) payload = { ...payload, headers: {} };
      return 'body' in payload ? payload : { ...payload, body: null };
    case 'Error':
      return payload['stack_trace'] == null ? { ...payload, stack_trace: [] } : payload;
    case 'FunctionCall':
      return 'args' in payload ? payload : { ...payload, args: null };
    case 'StateChange':
      return 'new_value' in payload ? payload : { ...payload, new_value: null };
    case 'Custom':
      return 'data' in payload ? payload : { ...payload, data: null };
    default:
      return payload;
  }
}
