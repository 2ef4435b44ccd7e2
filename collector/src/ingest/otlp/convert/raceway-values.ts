import type { OtlpValue } from '@raceway/proto';
import type { ClockEntry } from '../../../model/event.js';

/** Longest value text kept from `raceway.value.*` / `raceway.custom.data`; longer text is cut. */
export const MAX_VALUE_CHARS = 16_384;

export interface ParsedValue {
  value: unknown;
  truncated: boolean;
}

/**
 * `raceway.value.old/new` and `raceway.custom.data` are JSON text (attributes cannot hold objects in every
 * SDK). Text that is not JSON is kept as a string; structured attribute values are used as they are.
 */
export function parseJsonValue(raw: OtlpValue | undefined): ParsedValue {
  if (raw === undefined) return { value: undefined, truncated: false };
  if (typeof raw !== 'string') return { value: raw, truncated: false };
  if (raw.length > MAX_VALUE_CHARS)
    return { value: `${raw.slice(0, MAX_VALUE_CHARS)}…`, truncated: true };
  try {
    return { value: JSON.parse(raw) as unknown, truncated: false };
  } catch {
    return { value: raw, truncated: false };
  }
}

/** `raceway.clock`: a JSON vector `[["svc#inst", n], ...]`; undefined when absent or malformed. */
export function parseClock(raw: OtlpValue | undefined): ClockEntry[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(value)) return undefined;
  const out: ClockEntry[] = [];
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [component, counter] = entry as [unknown, unknown];
    if (typeof component !== 'string' || typeof counter !== 'number') return undefined;
    if (!Number.isSafeInteger(counter) || counter < 0) return undefined;
    out.push([component, counter]);
  }
  return out;
}
