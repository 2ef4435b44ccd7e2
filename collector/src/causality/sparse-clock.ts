/**
 * A vector clock over the execution contexts of one trace, stored sparsely (only non-zero entries, keys
 * are per-trace context indices). An event's clock is its own program-order position plus one of these
 * for the other contexts; events of one context share it until a cross-context edge arrives, so most
 * events cost no clock memory of their own.
 */
export class SparseClock {
  static readonly EMPTY = new SparseClock(new Int32Array(0), new Int32Array(0));

  private constructor(
    readonly keys: Int32Array,
    readonly values: Int32Array,
  ) {}

  get size(): number {
    return this.keys.length;
  }

  /** The entry for context `ctx`, 0 when absent. */
  get(ctx: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = keys[mid]!;
      if (k === ctx) return this.values[mid]!;
      if (k < ctx) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Pointwise maximum of `base` and `parts`, without the entry of context `exclude`. */
  static join(
    base: SparseClock,
    parts: ReadonlyArray<{ clock: SparseClock; ctx: number; pos: number }>,
    exclude: number,
  ): SparseClock {
    const merged = new Map<number, number>();
    const put = (k: number, v: number): void => {
      if (k !== exclude && v > (merged.get(k) ?? 0)) merged.set(k, v);
    };
    for (let i = 0; i < base.keys.length; i++) put(base.keys[i]!, base.values[i]!);
    for (const part of parts) {
      for (let i = 0; i < part.clock.keys.length; i++)
        put(part.clock.keys[i]!, part.clock.values[i]!);
      put(part.ctx, part.pos);
    }
    const keys = Int32Array.from([...merged.keys()].sort((a, b) => a - b));
    const values = keys.map((k) => merged.get(k) ?? 0);
    return new SparseClock(keys, values);
  }
}
