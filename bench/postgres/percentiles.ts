/** Nearest-rank percentile of samples (ms); NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Latency {
  p50: number;
  p95: number;
  runs: number;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times measured, one after the other. */
export async function measureLatency(
  work: () => Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}
