import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceCausality } from '../../causality/trace-causality.js';
import type { RacewayEvent } from '../../model/event.js';
import { allPairsRaces } from '../fixtures/all-pairs-oracle.js';
import { access, fixtureEvent as ev, lock, storedEvents } from '../fixtures/fixture-event.js';
import { randomTrace } from '../fixtures/random-trace.js';
import { MAX_RACE_PARTNERS, racePartnersOf } from './race-partners-of.js';

function analyse(wire: readonly RacewayEvent[], limit?: number) {
  const events = storedEvents(wire);
  const causality = traceCausality(events, new Map(events.map((e, i) => [e.id, i])), 1000);
  const partners = racePartnersOf(events, causality, limit);
  const names = (indices: readonly number[]) => indices.map((i) => nameOf.get(events[i]!.id)!);
  const nameOf = new Map(wire.map((e, k) => [e.id, `e${k}`]));
  return { events, causality, partners, names };
}

/** The oracle's partners of each access: every access it forms a racing pair with. */
function oraclePartners(pairs: ReadonlyArray<[number, number]>): Map<number, Set<number>> {
  const of = new Map<number, Set<number>>();
  for (const [a, b] of pairs) {
    (of.get(a) ?? of.set(a, new Set()).get(a)!).add(b);
    (of.get(b) ?? of.set(b, new Set()).get(b)!).add(a);
  }
  return of;
}

/** A root that spawns one worker per list of event kinds. */
function workers(...kinds: RacewayEvent['kind'][][]): RacewayEvent[] {
  const t = 'partners';
  return [
    ev({ name: 'root', trace: t, thread: 'main', at: 0, kind: access('boot', 'Read', 'r') }),
    ...kinds.flatMap((list, w) =>
      list.map((kind, k) =>
        ev({ name: `w${w}-${k}`, trace: t, thread: `T${w}`, parent: 'root', at: 1 + k, kind }),
      ),
    ),
  ];
}

describe('racePartnersOf', () => {
  it('names both sides of a write/write race and nothing for the unrelated root', () => {
    const wire = workers([access('v', 'Write', 'a')], [access('v', 'Write', 'b')]);
    const { partners, names } = analyse(wire);
    expect(names(partners.listed.get(1)!)).toEqual(['e2']);
    expect(names(partners.listed.get(2)!)).toEqual(['e1']);
    expect(partners.counts.get(1)).toBe(1);
    expect(partners.listed.get(0)).toEqual([]);
    expect(partners.counts.get(0)).toBe(0);
  });

  it('leaves out accesses guarded by a common lock and the same worker’s own accesses', () => {
    const wire = workers(
      [access('v', 'Write', 'a'), lock('LockAcquire', 'm'), access('v', 'Write', 'a')],
      [lock('LockAcquire', 'm'), access('v', 'Write', 'b')],
    );
    const { partners, names } = analyse(wire);
    // e1 (unlocked) races with e5; e3 shares the lock with e5 and e1 is its own worker's.
    expect(names(partners.listed.get(5)!)).toEqual(['e1']);
    expect(partners.listed.get(3)).toEqual([]);
  });

  it('lists at most the bound on a hot variable and still counts every partner', () => {
    const n = 2000;
    const wire = workers(...Array.from({ length: n }, () => [access('hot', 'Write', 'loop')]));
    const { partners } = analyse(wire);
    for (let i = 1; i <= n; i++) {
      expect(partners.listed.get(i)!.length).toBe(MAX_RACE_PARTNERS);
      expect(partners.counts.get(i)).toBe(n - 1);
    }
  });

  it.each([1, 3, MAX_RACE_PARTNERS])(
    'lists exactly the oracle’s racing partners when under the bound of %i, and counts them all (random traces)',
    (limit) => {
      fc.assert(
        fc.property(randomTrace(), (wire) => {
          const { events, causality, partners } = analyse(wire, limit);
          const expected = oraclePartners(allPairsRaces(events, causality).pairs);
          const rank = new Map(Array.from(causality.order, (i, k) => [i, k]));
          for (const [i, list] of partners.listed) {
            const truth = expected.get(i) ?? new Set<number>();
            expect(partners.counts.get(i)).toBe(truth.size);
            expect(list.length).toBe(Math.min(limit, truth.size));
            expect(new Set(list).size).toBe(list.length);
            for (const p of list) expect(truth.has(p)).toBe(true);
            for (let k = 1; k < list.length; k++)
              expect(rank.get(list[k - 1]!)!).toBeLessThan(rank.get(list[k]!)!);
          }
          const accesses = events.filter((e) => 'StateChange' in e.kind).length;
          expect(partners.listed.size).toBe(accesses);
        }),
        { numRuns: limit === MAX_RACE_PARTNERS ? 1000 : 400 },
      );
    },
  );
});
