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
 * same ids and the store deduplicates it. No hashing of strings (this runs for every event): the 128 bits
 * are the trace id XOR (a 64-bit mix of the span id, XOR the index in its first word ‖ the span id), with
 * the UUID version (8, custom) and variant bits set. Distinct spans of one trace never collide (the span
 * id itself is in the low half), nor events of one span (the index); traces whose ids differ only in the
 * low half (sequential test ids) never collide either; otherwise a collision needs the trace ids to differ
 * by exactly the mixed span ids.
 */
export function spanEventId(traceHex: string, spanHex: string, index: number): string {
  return eventIdAt(spanIdBase(traceHex, spanHex), index);
}

/** The per-span part of the ids: the first word (XORed with the index per event) and the formatted rest. */
export interface SpanIdBase {
  readonly first: number;
  readonly rest: string;
}

export function spanIdBase(traceHex: string, spanHex: string): SpanIdBase {
  const s0 = word(spanHex, 0);
  const s1 = word(spanHex, 8);
  let a = Math.imul(s0 ^ 0x9e3779b9, 0x85ebca6b);
  let b = Math.imul(s1 ^ 0xc2b2ae35, 0x27d4eb2f);
  a ^= Math.imul(b ^ (b >>> 15), 0x165667b1);
  b ^= Math.imul(a ^ (a >>> 13), 0x9e3779b1);
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  const h1 = hex8(((word(traceHex, 8) ^ b) & 0xffff0fff) | 0x8000);
  const h2 = hex8(((word(traceHex, 16) ^ s0) & 0x3fffffff) | 0x80000000);
  const h3 = hex8(word(traceHex, 24) ^ s1);
  return {
    first: (word(traceHex, 0) ^ a) >>> 0,
    rest: `-${h1.slice(0, 4)}-${h1.slice(4)}-${h2.slice(0, 4)}-${h2.slice(4)}${h3}`,
  };
}

export function eventIdAt(base: SpanIdBase, index: number): string {
  return hex8(base.first ^ index) + base.rest;
}

function word(hex: string, at: number): number {
  return Number.parseInt(hex.slice(at, at + 8), 16) | 0;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A 32-bit word as 8 hex digits (table lookup: `toString(16)` dominated conversion profiles). */
function hex8(n: number): string {
  return (
    BYTE_HEX[(n >>> 24) & 255]! +
    BYTE_HEX[(n >>> 16) & 255]! +
    BYTE_HEX[(n >>> 8) & 255]! +
    BYTE_HEX[n & 255]!
  );
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
