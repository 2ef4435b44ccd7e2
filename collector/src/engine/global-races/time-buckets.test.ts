import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeBuckets } from './time-buckets.js';

const window = fc
  .tuple(fc.integer({ min: 0, max: 2e9 }), fc.integer({ min: 0, max: 3e8 }))
  .map(([start, length]) => ({ start, end: start + length }));

describe('TimeBuckets', () => {
  it('offers every filed window that overlaps a query, short or long', () => {
    fc.assert(
      fc.property(fc.array(window, { maxLength: 40 }), window, (filed, query) => {
        const buckets = new TimeBuckets();
        filed.forEach((w, k) => buckets.add(`t${k}`, w.start, w.end));
        const offered = new Set(buckets.candidates(query.start, query.end));
        filed.forEach((w, k) => {
          if (w.start <= query.end && query.start <= w.end) expect(offered.has(`t${k}`)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('forgets a deleted window', () => {
    const buckets = new TimeBuckets();
    buckets.add('a', 0, 10_000_000);
    buckets.delete('a', 0, 10_000_000);
    expect([...buckets.candidates(0, 10_000_000)]).toEqual([]);
    expect(buckets.empty).toBe(true);
  });
});
