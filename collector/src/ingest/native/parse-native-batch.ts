import { ValidationError } from '../../errors/raceway-error.js';
import { EVENT_KIND_NAMES } from '../../model/event.js';
import type { RacewayEvent } from '../../model/event.js';
import { eventTime } from '../../pipeline/event-time.js';
import { compileNativeValidators } from './compile-native-validators.js';
import type { NativeValidators } from './compile-native-validators.js';
import { compatKind } from './kind-compat.js';
import { normaliseNativeEvent } from './normalise-native-event.js';
import type { CheckedEvent } from './normalise-native-event.js';
import { schemaReason } from './schema-reason.js';
import { canonicalUuid, traceUuid } from './trace-id.js';

/** One event of a batch that was not accepted, and why (DESIGN.md "Validation is per event"). */
export interface RejectedEvent {
  index: number;
  /** The event's `id` when it was a string, else null. */
  id: string | null;
  reason: string;
}

export interface NativeBatch {
  /** Valid events, canonical (ids lower case, timestamp RFC 3339 UTC `Z`), in batch order. */
  events: RacewayEvent[];
  rejected: RejectedEvent[];
}

let validators: NativeValidators | undefined;

/**
 * Deepest nesting kept in an event's free JSON (args, values, custom data). JSON.parse takes any depth,
 * but storing, sizing and serving the event recurse, and a few thousand levels overflow the stack: one
 * such event failed its whole batch with a 500, which old SDKs resend forever.
 */
const MAX_NESTING = 100;

/**
 * Validates a parsed `POST /events` body event by event (spec §1.1–1.4): good events are kept even when
 * others in the same batch are bad. Throws a `ValidationError` only when the envelope is not
 * `{"events":[...]}`.
 */
export function parseNativeBatch(body: unknown): NativeBatch {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationError('request body must be a JSON object {"events":[...]}', 'events');
  const list = (body as { events?: unknown }).events;
  if (!Array.isArray(list))
    throw new ValidationError('request body must be a JSON object {"events":[...]}', 'events');
  validators ??= compileNativeValidators();
  const events: RacewayEvent[] = [];
  const rejected: RejectedEvent[] = [];
  for (let index = 0; index < list.length; index++) {
    const raw: unknown = list[index];
    const result = parseEvent(validators, raw, index, events[events.length - 1]);
    if (typeof result === 'string') rejected.push({ index, id: idOf(raw), reason: result });
    else events.push(result);
  }
  return { events, rejected };
}

/** The event, canonical, or why it is refused. `events[i]` is only formatted for a refusal (hot path). */
function parseEvent(
  v: NativeValidators,
  raw: unknown,
  index: number,
  previous: RacewayEvent | undefined,
): RacewayEvent | string {
  if (!v.event(raw)) return schemaReason(v.event.errors, at(index));
  const event = raw as CheckedEvent & { id: string; trace_id: string; timestamp: string };
  const id = canonicalUuid(event.id);
  if (id === undefined) return `${at(index)}.id: must be a UUID`;
  let parentId: string | null = null;
  if (event.parent_id != null) {
    // Mostly the previous event: equal to its canonical id, it is canonical, and shares its string.
    const parent = event.parent_id === previous?.id ? previous.id : canonicalUuid(event.parent_id);
    if (parent === undefined) return `${at(index)}.parent_id: must be a UUID or null`;
    parentId = parent;
  }
  const time = eventTime(event.timestamp);
  if (time === undefined) return `${at(index)}.timestamp: must be an RFC 3339 timestamp`;
  const sent = variantOf(event.kind);
  const { name, payload } = compatKind(sent, event.kind[sent]);
  const check = v.kinds.get(name);
  if (check === undefined)
    return `${at(index)}.kind: unknown variant "${sent}" (expected one of ${EVENT_KIND_NAMES.join(', ')})`;
  if (!check(payload)) return schemaReason(check.errors, `${at(index)}.kind.${sent}`);
  if (nestedDeeperThan(payload, MAX_NESTING))
    return `${at(index)}.kind.${sent}: nested deeper than ${MAX_NESTING} levels`;
  let traceId =
    event.trace_id === previous?.trace_id ? previous.trace_id : canonicalUuid(event.trace_id);
  let originalTraceId: string | undefined;
  if (traceId === undefined)
    ({ id: traceId, original: originalTraceId } = traceUuid(event.trace_id));
  return normaliseNativeEvent(
    event,
    { id, traceId, originalTraceId, parentId, timestamp: time.iso },
    name,
    payload as Record<string, unknown>,
    previous,
  );
}

function at(index: number): string {
  return `events[${index}]`;
}

/** The one key of a checked `kind` object (the schema allows exactly one), without a keys array. */
function variantOf(kind: Record<string, unknown>): string {
  for (const key in kind) return key;
  return '';
}

/**
 * Whether objects/arrays inside `value` nest more than `limit` levels. Recursive, but never deeper than
 * `limit` calls, and without the work list and value arrays an explicit stack would allocate per event.
 */
function nestedDeeperThan(value: unknown, limit: number, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= limit) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      if (nestedDeeperThan(value[i], limit, depth + 1)) return true;
  } else {
    for (const key in value)
      if (nestedDeeperThan((value as Record<string, unknown>)[key], limit, depth + 1)) return true;
  }
  return false;
}

function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}
