import { racePairsOf } from '../model/access-focus';
import { makeAccess as access } from './event-factory';

/**
 * The audit trail of `balance` in the two-thread transfer of spec §9 S4, as the collector answers it:
 * each access names the accesses it races with (r1–w2, r2–w1, w1–w2).
 */
export const s4Trail = [
  access('r1', {
    access_type: 'Read',
    has_causal_link_to_previous: true,
    race_partners: ['w2'],
    race_partner_count: 1,
  }),
  access('r2', {
    access_type: 'Read',
    thread_id: 't2',
    race_partners: ['w1'],
    race_partner_count: 1,
  }),
  access('w1', { is_race: true, race_partners: ['r2', 'w2'], race_partner_count: 2 }),
  access('w2', {
    thread_id: 't2',
    is_race: true,
    race_partners: ['r1', 'w1'],
    race_partner_count: 2,
  }),
];

/** Its race pairs. */
export const s4Pairs = racePairsOf(s4Trail);
