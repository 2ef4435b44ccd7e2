/**
 * Rough heap footprint of a JSON-like value, for the `maxBytes` retention limit. Not exact (V8 shares
 * strings and packs small integers); it only has to grow in proportion to what is held, cheaply.
 */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + value.length * 2;
  if (typeof value !== 'object' || value === null) return 8;
  if (Array.isArray(value)) {
    let total = 32;
    for (const item of value) total += 8 + estimateBytes(item);
    return total;
  }
  let total = 56;
  for (const key in value)
    total += 8 + key.length + estimateBytes((value as Record<string, unknown>)[key]);
  return total;
}
