import { createHash } from 'node:crypto';

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;

/** A valid OTLP trace id: 16 bytes as lower-case hex, not all zero (trace.proto `trace_id`). */
export function isValidTraceId(hex: string): boolean {
  return TRACE_ID.test(hex) && hex !== '0'.repeat(32);
}

/** A valid OTLP span id: 8 bytes as lower-case hex, not all zero. */
export function isValidSpanId(hex: string): boolean {
  return SPAN_ID.test(hex) && hex !== '0'.repeat(16);
}

/** The trace UUID of an OTLP trace id: the same 128 bits, hyphenated (what `traceparent` carries too). */
export function traceUuidOf(traceHex: string): string {
  return uuidOf(traceHex);
}

/** The OTLP trace id of a trace UUID (inverse of {@link traceUuidOf}). */
export function traceHexOf(uuid: string): string {
  return uuid.replaceAll('-', '').toLowerCase();
}

/**
 * A deterministic event id for the `index`-th event derived from one span, so a re-sent export yields the
 * same ids and the store deduplicates it. One SHA-1 per span (UUID v5 layout); the index is added to the
 * last 32 bits, so the events of a span cost no further hashing.
 */
export function spanEventId(traceHex: string, spanHex: string, index: number): string {
  const base = hashedUuid(`otlp/${traceHex}/${spanHex}`);
  if (index === 0) return base;
  const low = (Number.parseInt(base.slice(28), 16) + index) >>> 0;
  return `${base.slice(0, 28)}${low.toString(16).padStart(8, '0')}`;
}

/** The ids of events 0..count-1 of one span (see {@link spanEventId}), hashing once. */
export function spanEventIds(traceHex: string, spanHex: string, count: number): string[] {
  const base = hashedUuid(`otlp/${traceHex}/${spanHex}`);
  const prefix = base.slice(0, 28);
  const low = Number.parseInt(base.slice(28), 16);
  const ids = [base];
  for (let i = 1; i < count; i++)
    ids.push(`${prefix}${((low + i) >>> 0).toString(16).padStart(8, '0')}`);
  return ids;
}

/** A deterministic event id from any stable key (log records, which carry no index of their own). */
export function hashedUuid(key: string): string {
  const b = createHash('sha1').update(key).digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return uuidOf(b.subarray(0, 16).toString('hex'));
}

function uuidOf(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
