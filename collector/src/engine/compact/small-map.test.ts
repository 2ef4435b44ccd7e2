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

  it('calls `make` only for a missing key', () => {
    const small = new SmallMap<string, number[]>();
    const first = small.upsert('a', () => []);
    expect(small.upsert('a', () => [1])).toBe(first);
  });
});
