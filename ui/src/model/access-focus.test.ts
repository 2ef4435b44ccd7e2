import { describe, expect, it } from 'vitest';
import type { RaceDetail } from '../api/types';
import { makeAccess as access } from '../testing/event-factory';
import { accessFocus, racePairsOf } from './access-focus';

const race = (variable: string, a: string, b: string): RaceDetail =>
  ({ variable, event1_id: a, event2_id: b, severity: 'CRITICAL' }) as RaceDetail;

// The two-thread transfer of spec §9 S4 as the collector answers it.
const trail = [
  access('r1', { access_type: 'Read', has_causal_link_to_previous: true }),
  access('r2', { access_type: 'Read', thread_id: 't2' }),
  access('w1', { is_race: true }),
  access('w2', { thread_id: 't2', is_race: true }),
];
const pairs = racePairsOf(
  [
    race('balance', 'r1', 'w2'),
    race('balance', 'r2', 'w1'),
    race('balance', 'w1', 'w2'),
    race('other', 'r1', 'r2'),
  ],
  'balance',
);

describe('accessFocus', () => {
  it('shows the current access between its neighbours with the link to each', () => {
    const focus = accessFocus(trail, 2, pairs);
    expect(focus?.current.event_id).toBe('w1');
    expect([focus?.previous?.access.event_id, focus?.previous?.link]).toEqual(['r2', 'race']);
    expect([focus?.next?.access.event_id, focus?.next?.link]).toEqual(['w2', 'race']);
    expect(focus?.racesWith.map((r) => r.index)).toEqual([1, 3]);
  });

  it('tells ordered from merely unordered neighbours, and has none past the ends', () => {
    const first = accessFocus(trail, 0, pairs);
    expect(first?.previous).toBeUndefined();
    expect(first?.next?.link).toBe('unordered');
    const ordered = accessFocus(
      [access('a'), access('b', { has_causal_link_to_previous: true })],
      1,
      pairs,
    );
    expect(ordered?.previous?.link).toBe('ordered');
    expect(ordered?.next).toBeUndefined();
    expect(accessFocus(trail, 9, pairs)).toBeUndefined();
  });
});
