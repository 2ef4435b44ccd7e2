import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then says how long until the next token', () => {
    const bucket = new TokenBucket(3, 60_000);
    expect([0, 0, 0].map(() => bucket.take('a', 0).allowed)).toEqual([true, true, true]);
    expect(bucket.take('a', 0)).toEqual({ allowed: false, retryAfterMs: 20_000 });
    expect(bucket.take('a', 5_000)).toEqual({ allowed: false, retryAfterMs: 15_000 });
  });

  it('refills over time, never beyond capacity', () => {
    const bucket = new TokenBucket(2, 1_000);
    bucket.take('a', 0);
    bucket.take('a', 0);
    expect(bucket.take('a', 500).allowed).toBe(true);
    expect(bucket.take('a', 500).allowed).toBe(false);
    const later = 1_000_000;
    expect([0, 0, 0].map(() => bucket.take('a', later).allowed)).toEqual([true, true, false]);
  });

  it('keeps keys apart', () => {
    const bucket = new TokenBucket(1, 1_000);
    expect(bucket.take('a', 0).allowed).toBe(true);
    expect(bucket.take('a', 0).allowed).toBe(false);
    expect(bucket.take('b', 0).allowed).toBe(true);
  });

  it('holds at most maxKeys buckets, forgetting idle full ones first', () => {
    const bucket = new TokenBucket(2, 1_000, 3);
    bucket.take('busy', 0);
    bucket.take('busy', 0);
    for (const key of ['x', 'y', 'z', 'w']) bucket.take(key, 10);
    expect(bucket.size).toBeLessThanOrEqual(3);
    // The exhausted key was not forgotten: it still has to wait.
    expect(bucket.take('busy', 10).allowed).toBe(false);
  });
});
