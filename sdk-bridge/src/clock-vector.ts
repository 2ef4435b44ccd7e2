/**
 * Vector clocks as the Raceway wire carries them: an ordered list of `[component, counter]`, where a
 * component is `service#instance` (spec §2.1). All functions return new vectors and never mutate input.
 */
export type ClockVector = ReadonlyArray<readonly [string, number]>;

/** Adds one to `component`, appending `[component, 1]` when absent (spec §9 S12). */
export function incrementClock(vector: ClockVector, component: string): ClockVector {
  let found = false;
  const next = vector.map(([c, n]): [string, number] => {
    if (c !== component) return [c, n];
    found = true;
    return [c, n + 1];
  });
  if (!found) next.push([component, 1]);
  return next;
}

/** Componentwise maximum, keeping `a`'s order and appending components only `b` has. */
export function mergeClocks(a: ClockVector, b: ClockVector): ClockVector {
  const other = new Map(b);
  const merged = a.map(([c, n]): [string, number] => [c, Math.max(n, other.get(c) ?? 0)]);
  const seen = new Set(a.map(([c]) => c));
  for (const [c, n] of b) if (!seen.has(c)) merged.push([c, n]);
  return merged;
}

/** Ensures the local component is present (at 0 when new), as every SDK does on inbound requests. */
export function withComponent(vector: ClockVector, component: string): ClockVector {
  return vector.some(([c]) => c === component) ? vector : [...vector, [component, 0]];
}

/** Keeps only well-formed entries: `[string, non-negative integer]`. */
export function sanitizeClock(value: unknown): ClockVector {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is [string, number] =>
      Array.isArray(e) &&
      e.length === 2 &&
      typeof e[0] === 'string' &&
      Number.isSafeInteger(e[1]) &&
      e[1] >= 0,
  );
}
