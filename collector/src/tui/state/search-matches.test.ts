import { describe, expect, it } from 'vitest';
import { findMatches, nextMatch } from './search-matches.js';

describe('search matches', () => {
  const rows = [
    'Read alice.balance',
    'FunctionCall transfer',
    'Write ALICE.balance',
    'LockAcquire m',
  ];

  it('finds rows containing the query, ignoring case', () => {
    expect(findMatches(rows, 'alice')).toEqual([0, 2]);
    expect(findMatches(rows, '   ')).toEqual([]);
  });

  it('jumps forward with n and backward with N, wrapping around', () => {
    const matches = findMatches(rows, 'alice');
    expect(nextMatch(matches, 0, 1)).toBe(2);
    expect(nextMatch(matches, 2, 1)).toBe(0);
    expect(nextMatch(matches, 2, -1)).toBe(0);
    expect(nextMatch(matches, 0, -1)).toBe(2);
    expect(nextMatch([], 0, 1)).toBeUndefined();
  });
});
