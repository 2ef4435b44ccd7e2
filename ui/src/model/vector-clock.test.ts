import { describe, expect, it } from 'vitest';
import { clockAhead, compareClocks } from './vector-clock';

describe('compareClocks', () => {
  it.each([
    { a: [['x', 1]], b: [['x', 2]], order: 'before' },
    { a: [['x', 2]], b: [['x', 1]], order: 'after' },
    {
      a: [
        ['x', 1],
        ['y', 0],
      ],
      b: [['x', 1]],
      order: 'equal',
    },
    { a: [['x', 2]], b: [['y', 1]], order: 'concurrent' },
    { a: [], b: [['y', 1]], order: 'before' },
  ] as const)(
    'orders $a against $b as $order (missing components count as 0)',
    ({ a, b, order }) => {
      expect(
        compareClocks(
          a.map(([c, n]) => [c, n]),
          b.map(([c, n]) => [c, n]),
        ),
      ).toBe(order);
    },
  );
});

describe('clockAhead', () => {
  it('lists the components one clock has seen beyond the other', () => {
    expect(
      clockAhead(
        [
          ['x', 3],
          ['y', 1],
        ],
        [
          ['x', 1],
          ['y', 1],
        ],
      ),
    ).toEqual([{ component: 'x', mine: 3, theirs: 1 }]);
  });
});
