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
 */
export function normaliseNativeEvent(
  raw: CheckedEvent,
  ids: NormalisedIds,
  kindName: string,
  payload: Record<string, unknown>,
): RacewayEvent {
  const m = raw.metadata;
  let tags = m.tags ?? {};
  if (ids.originalTraceId !== undefined)
    tags = { ...tags, [ORIGINAL_TRACE_ID_TAG]: ids.originalTraceId };
  const metadata: EventMetadata = {
    thread_id: m.thread_id,
    process_id: m.process_id,
    service_name: m.service_name,
    environment: m.environment,
    tags,
    duration_ns: m.duration_ns == null ? null : Math.round(m.duration_ns),
  };
  if (m.instance_id != null) metadata.instance_id = m.instance_id;
  if (m.distributed_span_id != null) metadata.distributed_span_id = m.distributed_span_id;
  if (m.upstream_span_id != null) metadata.upstream_span_id = m.upstream_span_id;
  return {
    id: ids.id,
    trace_id: ids.traceId,
    parent_id: ids.parentId,
    timestamp: ids.timestamp,
    kind: kindOf(raw.kind, kindName, withDefaults(kindName, payload)),
    metadata,
    causality_vector: raw.causality_vector ?? [],
    lock_set: raw.lock_set ?? [],
  };
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
