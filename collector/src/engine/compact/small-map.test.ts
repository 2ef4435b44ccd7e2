import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallMap } from './small-map.js';

describe('SmallMap', () => {
  it('answers like a Map for any sequence of sets, upserts and reads, small or large', () => {
    const op = fc.record({
      kind: fc.constantFrom('set', 'upsert', 'get'),
      key: fc.integer({ min: 0, max: 40 }).map((n) => `k${n}`),
      value: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const small = new SmallMap<string, number>();
        const map = new Map<string, number>();
        for (const { kind, key, value } of ops) {
          if (kind === 'set') {
            small.set(key, value);
            map.set(key, value);
          } else if (kind === 'upsert') {
            if (!map.has(key)) map.set(key, value);
            expect(small.upsert(key, () => value)).toBe(map.get(key));
          } else {
            expect(small.get(key)).toBe(map.get(key));
            expect(small.has(key)).toBe(map.has(key));
          }
        }
        expect([...small]).toEqual([...map]);
        expect([...small.keys()]).toEqual([...map.keys()]);
        expect([...small.values()]).toEqual([...map.values()]);
        expect(small.size).toBe(map.size);
      }),
    );
  });

  it('copies each pair a bounded number of times, however many keys it gets (filling is linear)', () => {
    const keys = 10_000;
    const concat = Array.prototype.concat;
    let copied = 0;
    Array.prototype.concat = function (this: unknown[], ...items: unknown[]) {
      copied += this.length;
      return concat.apply(this, items);
    };
    const small = new SmallMap<string, number>();
    try {
      for (let k = 0; k < keys; k++) small.upsert(`k${k}`, () => k);
    } finally {
      Array.prototype.concat = concat;
    }
    expect(small.size).toBe(keys);
    expect([...small.keys()].slice(-2)).toEqual([`k${keys - 2}`, `k${keys - 1}`]);
    expect(small.get('k5000')).toBe(5000);
    expect(copied).toBeLessThan(2 * keys);
  });

  it('calls `make` only for a missing key', () => {
    const small = new SmallMap<string, number[]>();
    const first = small.upsert('a', () => []);
    expect(small.upsert('a', () => [1])).toBe(first);
  });
});
