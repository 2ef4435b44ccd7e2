import { ValidationError } from '../../errors/raceway-error.js';
import { quotedValue } from './quoted-value.js';

const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT = /^[0-9a-f]{32}$/i;
const EXPECTED = 'hyphenated or 32 hex digits';

/**
 * The `:trace_id` path parameter as the store keys it (lower-case, hyphenated UUID). The old server took
 * any UUID form; we take hyphenated and the 32-hex form OTel uses. Anything else is a 400 (spec §3.2).
 */
export function traceIdParam(text: string | undefined): string {
  if (text !== undefined && HYPHENATED.test(text)) return text.toLowerCase();
  if (text !== undefined && COMPACT.test(text)) {
    const h = text.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  // No field name: spec §9 S11 expects exactly the three envelope fields here. The old message leads,
  // for clients that match it; the refused value follows so the caller sees what was wrong.
  const given = text === undefined ? 'none given' : quotedValue(text);
  throw new ValidationError(`Invalid trace ID format: ${given} is not a UUID (${EXPECTED})`);
}
