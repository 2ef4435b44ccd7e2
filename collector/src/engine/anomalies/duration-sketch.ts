/**
 * A DDSketch-style quantile sketch over non-negative durations: logarithmic buckets with relative accuracy
 * `alpha` (a quantile estimate is within ±alpha of a true sample value), and samples can be removed again,
 * so a baseline can leave one event out or forget an evicted trace exactly (counts are integers).
 */
export class DurationSketch {
  private readonly logGamma: number;
  private readonly gamma: number;
  private readonly buckets = new Map<number, number>();
  private zeroCount = 0;
  private total = 0;
  private sortedKeys: number[] | undefined;

  constructor(readonly alpha = 0.01) {
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  get count(): number {
    return this.total;
  }

  add(value: number): void {
    this.change(value, 1);
  }

  /** Removes one sample of this value; a value never added is ignored. */
  remove(value: number): void {
    this.change(value, -1);
  }

  /**
   * The q-quantile (0..1) by rank q·(n−1), as DDSketch defines it; `excluding` leaves one sample of that value
   * out without changing the sketch. Undefined when no sample remains.
   */
  quantile(q: number, excluding?: number): number | undefined {
    const excludedKey = excluding === undefined ? undefined : this.keyOf(excluding);
    const n = this.total - (excluding === undefined ? 0 : 1);
    if (n <= 0) return undefined;
    const rank = Math.min(Math.max(q, 0), 1) * (n - 1);
    let seen = this.zeroCount - (excludedKey === null ? 1 : 0);
    if (seen > rank) return 0;
    for (const key of this.keys()) {
      seen += (this.buckets.get(key) ?? 0) - (key === excludedKey ? 1 : 0);
      if (seen > rank) return (2 * this.gamma ** key) / (this.gamma + 1);
    }
    return undefined;
  }

  /** Bucket key, or null for the zero bucket (values below a nanosecond in ms). */
  private keyOf(value: number): number | null {
    return value < 1e-6 ? null : Math.ceil(Math.log(value) / this.logGamma);
  }

  private change(value: number, delta: 1 | -1): void {
    const key = this.keyOf(value);
    if (key === null) {
      if (delta < 0 && this.zeroCount === 0) return;
      this.zeroCount += delta;
      this.total += delta;
      return;
    }
    const next = (this.buckets.get(key) ?? 0) + delta;
    if (next < 0) return;
    this.total += delta;
    if (next === 0) {
      this.buckets.delete(key);
      this.sortedKeys = undefined;
    } else {
      if (!this.buckets.has(key)) this.sortedKeys = undefined;
      this.buckets.set(key, next);
    }
  }

  private keys(): number[] {
    this.sortedKeys ??= [...this.buckets.keys()].sort((a, b) => a - b);
    return this.sortedKeys;
  }
}
