/**
 * The p-quantile (0..1) of ascending-sorted values at index round((n−1)·p), the memory backend's
 * definition (spec §3.4); the one definition every backend uses now (spec §10.2.2). 0 when empty.
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.round((sorted.length - 1) * p)] ?? 0;
}
