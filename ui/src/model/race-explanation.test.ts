import { describe, expect, it } from 'vitest';
import type { RaceAccess } from '../api/types';
import { explainRace } from './race-explanation';

const access = (overrides: Partial<RaceAccess>): RaceAccess => ({
  event_id: 'e',
  timestamp: '2024-01-01T12:00:00Z',
  thread_id: 't',
  context: 'ctx',
  service_name: 'web',
  access_type: 'Write',
  location: 'a.ts:1',
  old_value: 1,
  new_value: 2,
  locks_held: [],
  clock: [],
  ...overrides,
});

describe('explainRace', () => {
  it('explains a write/write race by incomparable clocks, separate contexts and no common lock', () => {
    const reasons = explainRace(
      access({
        context: 'w1',
        clock: [
          ['w1', 1],
          ['main', 1],
        ],
        locks_held: ['audit'],
      }),
      access({
        context: 'w2',
        clock: [
          ['w2', 1],
          ['main', 1],
        ],
      }),
    );
    expect(reasons[0]).toMatch(
      /Neither vector clock is ≤ the other: access A has seen w1:1 .*access B has seen w2:1/,
    );
    expect(reasons).toContain('They run in different execution contexts (w1 and w2).');
    expect(reasons).toContain('No common lock guards them: A held {audit}, B held no lock.');
    expect(reasons.at(-1)).toMatch(/lost update/);
  });

  it('does not claim missing locks when both hold the same lock', () => {
    const reasons = explainRace(
      access({ context: 'a', locks_held: ['m'], access_type: 'Read' }),
      access({ context: 'b', locks_held: ['m'] }),
    );
    expect(reasons.some((r) => r.startsWith('No common lock'))).toBe(false);
    expect(reasons.at(-1)).toMatch(/One access reads/);
  });
});
