import { DurationSketch } from './duration-sketch.js';

/** What an event is judged against: the statistics of its operation's other samples. */
export interface BaselineStats {
  count: number;
  meanMs: number;
  /** Population standard deviation (spec §4.11), 0 when every sample is equal. */
  stdMs: number;
  p01Ms: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Streaming duration statistics of one (service, operation): count, mean and variance by Welford's method
 * (with its inverse for removal) and a {@link DurationSketch} for quantiles. `statsWithout` answers for the
 * baseline minus one sample, so an event is never judged against itself (spec §10.1.10 fix).
 */
export class Baseline {
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private readonly sketch = new DurationSketch();

  get count(): number {
    return this.n;
  }

  add(ms: number): void {
    this.n++;
    const delta = ms - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (ms - this.mean);
    this.sketch.add(ms);
  }

  remove(ms: number): void {
    if (this.n <= 1) {
      [this.n, this.mean, this.m2] = [0, 0, 0];
    } else {
      const [n, mean, m2] = withoutSample(this.n, this.mean, this.m2, ms);
      [this.n, this.mean, this.m2] = [n, mean, m2];
    }
    this.sketch.remove(ms);
  }

  /** Statistics of every sample. */
  stats(): BaselineStats | undefined {
    if (this.n === 0) return undefined;
    return this.describe(this.n, this.mean, this.m2);
  }

  /** Statistics of the samples other than one of `ms` (which must have been added). */
  statsWithout(ms: number): BaselineStats | undefined {
    if (this.n <= 1) return undefined;
    const [n, mean, m2] = withoutSample(this.n, this.mean, this.m2, ms);
    return this.describe(n, mean, m2, ms);
  }

  private describe(n: number, mean: number, m2: number, excluding?: number): BaselineStats {
    return {
      count: n,
      meanMs: mean,
      stdMs: Math.sqrt(m2 / n),
      p01Ms: this.sketch.quantile(0.01, excluding) ?? mean,
      p50Ms: this.sketch.quantile(0.5, excluding) ?? mean,
      p99Ms: this.sketch.quantile(0.99, excluding) ?? mean,
    };
  }
}

/**
 * Welford in reverse. Removal leaves rounding residue, so a variance below 1e-12 of the squared mean (far
 * below any measurable jitter) is taken as exactly 0: equal samples must give std = 0 (spec §9 S8).
 */
function withoutSample(n: number, mean: number, m2: number, ms: number): [number, number, number] {
  const rest = n - 1;
  const restMean = (n * mean - ms) / rest;
  const restM2 = m2 - (ms - mean) * (ms - restMean);
  const noise = 1e-12 * rest * restMean * restMean;
  return [rest, restMean, restM2 <= noise ? 0 : restM2];
}
