import { describe, expect, it } from 'vitest';
import { accessFocus, raceBetween, racePairsOf } from './access-focus';
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

describe('racePairsOf', () => {
  it('finds a pair from either side and grades it by the two access types', () => {
    const trail = [
      access('a', { access_type: 'Read', race_partners: [], race_partner_count: 1 }),
      access('b', { race_partners: ['a', 'c'], race_partner_count: 2 }),
      access('c', { race_partners: ['b'], race_partner_count: 1 }),
    ];
    const pairs = racePairsOf(trail);
    expect(raceBetween(pairs, 'a', 'b')).toBe('WARNING');
    expect(raceBetween(pairs, 'c', 'b')).toBe('CRITICAL');
    expect(raceBetween(pairs, 'a', 'c')).toBeUndefined();
  });

  it('lists every racing partner of a hot access, not only a group’s example pairs', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const trail = ids.map((id) =>
      access(id, {
        thread_id: id,
        race_partners: ids.filter((other) => other !== id),
        race_partner_count: 11,
      }),
    );
    const focus = accessFocus(trail, 11, racePairsOf(trail));
    expect(focus?.racesWith.map((r) => r.access.event_id)).toEqual(ids.slice(0, 11));
    expect(focus?.unlisted).toBe(0);
  });

  it('counts the partners the collector did not list beyond its cap', () => {
    const trail = [
      access('a', { race_partners: ['b'], race_partner_count: 30 }),
      access('b', { thread_id: 't2', race_partners: ['a'], race_partner_count: 1 }),
    ];
    expect(accessFocus(trail, 0, racePairsOf(trail))?.unlisted).toBe(29);
  });
});
