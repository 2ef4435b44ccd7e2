import { createHash } from 'node:crypto';

const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT = /^[0-9a-f]{32}$/i;

/** Namespace of the name-based (v5) UUIDs made from non-UUID trace ids. */
const TRACE_NAMESPACE = Buffer.from('5f0c3f7ae1c34b0f9d8e2a6b7c4d1e90', 'hex');

/** Tag that keeps a non-UUID trace id as the SDK sent it. */
export const ORIGINAL_TRACE_ID_TAG = 'raceway.original_trace_id';

/** A UUID in canonical form (lower case, hyphenated), or undefined when `text` is not one. */
export function canonicalUuid(text: string): string | undefined {
  if (isCanonicalUuid(text)) return text;
  if (HYPHENATED.test(text)) return text.toLowerCase();
  if (COMPACT.test(text)) return hyphenate(text.toLowerCase());
  return undefined;
}

/**
 * Whether `text` is already lower case and hyphenated, as every SDK sends ids: a char-code loop, no RegExp
 * and no copy (ids of every event are checked on the ingest hot path).
 */
function isCanonicalUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/**
 * The trace UUID for an SDK trace id. Go's legacy `WithTraceID(ctx, "trace-123")` sends free text that the
 * old server rejected with the whole batch (spec §1.2, §10.4); we map it to a name-based UUID (RFC 4122
 * v5), so every event sent with the same text lands in the same trace, and keep the text in a tag.
 */
export function traceUuid(text: string): { id: string; original?: string } {
  const canonical = canonicalUuid(text);
  if (canonical !== undefined) return { id: canonical };
  const hash = createHash('sha1').update(TRACE_NAMESPACE).update(text, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return { id: hyphenate(hash.subarray(0, 16).toString('hex')), original: text };
}

function hyphenate(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
