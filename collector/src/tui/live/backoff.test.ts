import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('reconnect backoff', () => {
  const noJitter = { random: () => 0 };

  it('doubles the delay after each failed attempt up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, noJitter))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffDelay(100, noJitter)).toBe(5000);
  });

  it('takes up to the jitter fraction off so clients spread out', () => {
    expect(backoffDelay(1, { random: () => 1 })).toBe(400);
  });
});
