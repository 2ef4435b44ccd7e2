import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Baseline } from './baseline.js';

const samples = fc.array(fc.double({ min: 0, max: 10_000, noNaN: true }), {
  minLength: 2,
  maxLength: 100,
});

describe('Baseline', () => {
  it('without one sample, equals a baseline built from the other samples', () => {
    fc.assert(
      fc.property(samples, fc.nat(), (values, pick) => {
        const index = pick % values.length;
        const all = new Baseline();
        values.forEach((v) => all.add(v));
        const others = new Baseline();
        values.forEach((v, i) => i !== index && others.add(v));
        const left = all.statsWithout(values[index]!)!;
        const fresh = others.stats()!;
        expect(left.count).toBe(fresh.count);
        expect(left.meanMs).toBeCloseTo(fresh.meanMs, 6);
        expect(left.stdMs).toBeCloseTo(fresh.stdMs, 3);
        expect(left.p99Ms).toBe(fresh.p99Ms);
      }),
    );
  });

  it('has exactly zero spread when the other samples are all equal (spec §9 S8)', () => {
    const baseline = new Baseline();
    [50, 50, 50, 50, 50, 100].forEach((v) => baseline.add(v));
    expect(baseline.statsWithout(100)).toMatchObject({ count: 5, stdMs: 0 });
    expect(baseline.statsWithout(100)!.meanMs).toBeCloseTo(50, 9);
  });

  it('uses the population standard deviation, as spec §4.11 does', () => {
    const baseline = new Baseline();
    [40, 50, 60, 45, 55].forEach((v) => baseline.add(v));
    expect(baseline.stats()!.stdMs).toBeCloseTo(7.071, 3);
  });

  it('returns to empty when every sample is removed', () => {
    const baseline = new Baseline();
    [1, 2, 3].forEach((v) => baseline.add(v));
    [3, 1, 2].forEach((v) => baseline.remove(v));
    expect(baseline.count).toBe(0);
    expect(baseline.stats()).toBeUndefined();
  });
});
