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

  it('offers the same windows after deletions, in sparse and crowded cells alike', () => {
    fc.assert(
      fc.property(
        fc.array(window, { maxLength: 60 }),
        fc.array(fc.nat(59)),
        window,
        (filed, deleted, query) => {
          const buckets = new TimeBuckets();
          // Many windows share cells when they are short and close: crowd them on purpose.
          const windows = filed.map((w, k) => (k % 2 ? { start: k, end: k + 10 } : w));
          windows.forEach((w, k) => buckets.add(`t${k}`, w.start, w.end));
          const gone = new Set(deleted.filter((k) => k < windows.length));
          for (const k of gone) buckets.delete(`t${k}`, windows[k]!.start, windows[k]!.end);
          const offered = new Set(buckets.candidates(query.start, query.end));
          windows.forEach((w, k) => {
            const overlaps = w.start <= query.end && query.start <= w.end;
            if (gone.has(k)) expect(offered.has(`t${k}`)).toBe(false);
            else if (overlaps) expect(offered.has(`t${k}`)).toBe(true);
          });
          expect(buckets.empty).toBe(gone.size === windows.length);
        },
      ),
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
