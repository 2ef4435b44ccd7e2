import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incrementClock, mergeClocks, sanitizeClock, withComponent } from './clock-vector.js';

describe('incrementClock', () => {
  it('increments an existing component and leaves the others alone', () => {
    expect(
      incrementClock(
        [
          ['a#1', 3],
          ['b#1', 7],
        ],
        'a#1',
      ),
    ).toEqual([
      ['a#1', 4],
      ['b#1', 7],
    ]);
  });

  it('appends the component at 1 when it is missing', () => {
    expect(incrementClock([['a#1', 3]], 'b#1')).toEqual([
      ['a#1', 3],
      ['b#1', 1],
    ]);
  });

  it('never mutates its input', () => {
    const input: Array<[string, number]> = [['a#1', 3]];
    incrementClock(input, 'a#1');
    expect(input).toEqual([['a#1', 3]]);
  });
});

describe('mergeClocks', () => {
  it('takes the componentwise maximum and appends components only the other side has', () => {
    expect(
      mergeClocks(
        [
          ['a#1', 3],
          ['b#1', 1],
        ],
        [
          ['b#1', 5],
          ['c#1', 2],
        ],
      ),
    ).toEqual([
      ['a#1', 3],
      ['b#1', 5],
      ['c#1', 2],
    ]);
  });

  it('is an upper bound of both sides', () => {
    const clock = fc
      .array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(100)), { maxLength: 4 })
      .map((entries) => [...new Map(entries)]);
    fc.assert(
      fc.property(clock, clock, (a, b) => {
        const merged = new Map(mergeClocks(a, b));
        for (const [c, n] of [...a, ...b]) expect(merged.get(c)).toBeGreaterThanOrEqual(n);
      }),
    );
  });
});

describe('withComponent', () => {
  it('adds the local component at 0 when missing and keeps an existing one (spec §9 S12)', () => {
    expect(withComponent([['up#1', 9]], 'me#1')).toEqual([
      ['up#1', 9],
      ['me#1', 0],
    ]);
    expect(withComponent([['me#1', 4]], 'me#1')).toEqual([['me#1', 4]]);
  });
});

describe('sanitizeClock', () => {
  it('drops entries that are not [string, non-negative integer]', () => {
    expect(
      sanitizeClock([['a', 1], ['b', -1], ['c', 1.5], [3, 1], 'x', ['d', 2, 3], ['e', 0]]),
    ).toEqual([
      ['a', 1],
      ['e', 0],
    ]);
    expect(sanitizeClock('nope')).toEqual([]);
  });
});
