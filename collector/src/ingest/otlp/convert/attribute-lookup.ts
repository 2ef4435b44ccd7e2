import type { OtlpAttributes, OtlpValue } from '@raceway/proto';

/**
 * Reads attributes by their stable semantic-convention name first, then deprecated or short aliases
 * (`http.request.method` then `http.method`), as real senders mix generations of the conventions.
 */
export function stringAttr(attrs: OtlpAttributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = attrs[key];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  return undefined;
}

/** A number attribute; numeric strings are accepted (int64 beyond 2^53 arrives as a string). */
export function numberAttr(attrs: OtlpAttributes, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = attrs[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

export function rawAttr(attrs: OtlpAttributes, ...keys: string[]): OtlpValue | undefined {
  for (const key of keys) {
    const v = attrs[key];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

export function hasAnyAttr(attrs: OtlpAttributes, keys: readonly string[]): boolean {
  return keys.some((k) => attrs[k] !== undefined && attrs[k] !== null);
}
