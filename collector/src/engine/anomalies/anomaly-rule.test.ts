import { describe, expect, it } from 'vitest';
import type { BaselineStats } from './baseline.js';
import { judgeDuration } from './anomaly-rule.js';

const spread: BaselineStats = {
  count: 5,
  meanMs: 50,
  stdMs: 7.0711,
  p01Ms: 40,
  p50Ms: 50,
  p99Ms: 60,
};
const flat: BaselineStats = { count: 5, meanMs: 50, stdMs: 0, p01Ms: 50, p50Ms: 50, p99Ms: 50 };
const http: BaselineStats = { count: 10, meanMs: 17, stdMs: 2, p01Ms: 15, p50Ms: 17, p99Ms: 19 };

describe('judgeDuration', () => {
  it.each([
    ['S8 warm-up 40..60: 52 ms is normal', spread, 52, undefined],
    ['S8 warm-up 40..60: 60 ms (σ 1.41) is normal', spread, 60, undefined],
    [
      'S8 warm-up 40..60: 70 ms (σ 2.83) is normal under the 3σ rule (old: Minor)',
      spread,
      70,
      undefined,
    ],
    ['S8 warm-up 40..60: 75 ms (σ 3.54) is Minor (old: Warning)', spread, 75, 'Minor'],
    ['S8 warm-up 40..60: 80 ms (σ 4.24) is a Warning', spread, 80, 'Warning'],
    ['S8 warm-up 40..60: 90 ms (σ 5.66) is Critical', spread, 90, 'Critical'],
    ['S8 flat 50 ms: 100 ms is Critical at pseudo-σ 10', flat, 100, 'Critical'],
    ['S8 flat 50 ms: 60 ms (20 %, pseudo-σ 2) is normal', flat, 60, undefined],
    ['S8 flat 50 ms: 35 ms (30 % fast) is Minor', flat, 35, 'Minor'],
    ['graph test HttpResponse(200): 40 ms is Critical', http, 40, 'Critical'],
    ['graph test HttpResponse(200): 17 ms is normal', http, 17, undefined],
  ] as const)('%s', (_name, baseline, actual, severity) => {
    expect(judgeDuration(actual, baseline, 5)?.severity).toBe(severity);
  });

  it('reports the pseudo-σ of a flat baseline as %-difference / 10 (spec §4.11)', () => {
    expect(judgeDuration(100, flat, 5)?.sigma).toBeCloseTo(10, 9);
  });

  it('reports σ from the standard deviation otherwise', () => {
    expect(judgeDuration(40, http, 5)?.sigma).toBeCloseTo(11.5, 9);
  });

  it('does not judge before the baseline has the minimum sample count', () => {
    expect(judgeDuration(500, { ...spread, count: 4 }, 5)).toBeUndefined();
  });

  it('ignores a many-σ deviation that is tiny against the mean', () => {
    const stable: BaselineStats = {
      count: 100,
      meanMs: 100,
      stdMs: 0.1,
      p01Ms: 99.8,
      p50Ms: 100,
      p99Ms: 100.2,
    };
    expect(judgeDuration(101, stable, 5)).toBeUndefined();
  });

  it('ignores a deviation inside the baseline’s own tail', () => {
    const heavyTail: BaselineStats = {
      count: 100,
      meanMs: 10,
      stdMs: 2,
      p01Ms: 8,
      p50Ms: 10,
      p99Ms: 30,
    };
    expect(judgeDuration(25, heavyTail, 5)).toBeUndefined();
  });

  it('never divides by zero on an all-zero baseline', () => {
    const zero: BaselineStats = { count: 9, meanMs: 0, stdMs: 0, p01Ms: 0, p50Ms: 0, p99Ms: 0 };
    expect(judgeDuration(5, zero, 5)).toBeUndefined();
  });
});
