import { describe, expect, it } from 'vitest';
import { upperBound } from './upper-bound.js';

describe('upperBound', () => {
  it.each([
    [[], 5, 0],
    [[1, 2, 2, 4], 0, 0],
    [[1, 2, 2, 4], 2, 3],
    [[1, 2, 2, 4], 3, 3],
    [[1, 2, 2, 4], 4, 4],
    [[1, 2, 2, 4], 9, 4],
  ])('counts the elements of %j at or below %i: %i', (values, bound, expected) => {
    expect(upperBound(values, bound)).toBe(expected);
  });
});
