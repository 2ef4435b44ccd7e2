import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationSketch } from './duration-sketch.js';

/** The sample at rank ⌊q·(n−1)⌋: the value DDSketch's estimate approximates. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

const durations = fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), {
  minLength: 1,
  maxLength: 200,
});
const quantiles = fc.constantFrom(0, 0.01, 0.5, 0.9, 0.95, 0.99, 1);

describe('DurationSketch', () => {
  it('estimates every quantile within its relative accuracy', () => {
    fc.assert(
      fc.property(durations, quantiles, (values, q) => {
        const sketch = new DurationSketch(0.01);
        values.forEach((v) => sketch.add(v));
        const truth = exactQuantile(values, q);
        expect(Math.abs(sketch.quantile(q)! - truth)).toBeLessThanOrEqual(truth * 0.01 + 1e-9);
      }),
    );
  });

  it('answers as if one sample were left out, without changing itself', () => {
    fc.assert(
      fc.property(durations, fc.nat(), quantiles, (values, pick, q) => {
        const left = values[pick % values.length]!;
        const sketch = new DurationSketch();
        values.forEach((v) => sketch.add(v));
        const without = new DurationSketch();
        values.forEach((v, i) => i !== pick % values.length && without.add(v));
        expect(sketch.quantile(q, left)).toBe(without.quantile(q));
        expect(sketch.count).toBe(values.length);
      }),
    );
  });

  it('forgets removed samples exactly', () => {
    fc.assert(
      fc.property(durations, durations, quantiles, (kept, removed, q) => {
        const sketch = new DurationSketch();
        [...removed, ...kept].forEach((v) => sketch.add(v));
        removed.forEach((v) => sketch.remove(v));
        const fresh = new DurationSketch();
        kept.forEach((v) => fresh.add(v));
        expect(sketch.quantile(q)).toBe(fresh.quantile(q));
        expect(sketch.count).toBe(kept.length);
      }),
    );
  });

  it('keeps zero durations in their own bucket and has no quantile when empty', () => {
    const sketch = new DurationSketch();
    expect(sketch.quantile(0.5)).toBeUndefined();
    sketch.add(0);
    sketch.add(0);
    sketch.add(10);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(1)).toBeCloseTo(10, 0);
    expect(sketch.quantile(1, 10)).toBe(0);
    sketch.remove(99);
    expect(sketch.count).toBe(3);
  });
});
