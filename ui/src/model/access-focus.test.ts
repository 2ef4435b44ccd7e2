import { describe, expect, it } from 'vitest';
import { accessFocus } from './access-focus';
import { makeAccess as access } from '../testing/event-factory';
import { s4Pairs as pairs, s4Trail as trail } from '../testing/s4-access-trail';

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
