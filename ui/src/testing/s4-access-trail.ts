import type { RaceDetail } from '../api/types';
import { racePairsOf } from '../model/access-focus';
import { makeAccess as access } from './event-factory';

const race = (variable: string, a: string, b: string): RaceDetail =>
  ({ variable, event1_id: a, event2_id: b, severity: 'CRITICAL' }) as RaceDetail;

/** The audit trail of `balance` in the two-thread transfer of spec §9 S4, as the collector answers it. */
export const s4Trail = [
  access('r1', { access_type: 'Read', has_causal_link_to_previous: true }),
  access('r2', { access_type: 'Read', thread_id: 't2' }),
  access('w1', { is_race: true }),
  access('w2', { thread_id: 't2', is_race: true }),
];

/** Its race pairs (plus one on another variable, which must be ignored). */
export const s4Pairs = racePairsOf(
  [
    race('balance', 'r1', 'w2'),
    race('balance', 'r2', 'w1'),
    race('balance', 'w1', 'w2'),
    race('other', 'r1', 'r2'),
  ],
  'balance',
);
