import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceCausality } from '../../causality/trace-causality.js';
import type { RacewayEvent } from '../../model/event.js';
import { allPairsRaces } from '../fixtures/all-pairs-oracle.js';
import { access, fixtureEvent as ev, lock, storedEvents } from '../fixtures/fixture-event.js';
import { randomTrace } from '../fixtures/random-trace.js';
import { detectRaces } from './race-detector.js';

function detect(wire: readonly RacewayEvent[], classScanMax?: number) {
  const events = storedEvents(wire);
  const causality = traceCausality(events, new Map(events.map((e, i) => [e.id, i])), 1000);
  return {
    races: detectRaces(events, causality, classScanMax),
    oracle: allPairsRaces(events, causality),
    causality,
  };
}

const keyOf = (g: { variable: string; sides: Array<{ location: string; access_type: string }> }) =>
  `${g.variable}|${g.sides.map((s) => `${s.location}|${s.access_type}`).join('|')}`;

/** Two workers spawned by one root; `a` and `b` are their event kinds in program order. */
function twoWorkers(a: RacewayEvent['kind'][], b: RacewayEvent['kind'][]): RacewayEvent[] {
  const t = 'pair';
  return [
    ev({ name: 'root', trace: t, thread: 'main', at: 0, kind: access('boot', 'Read', 'r') }),
    ...a.map((kind, k) =>
      ev({ name: `a${k}`, trace: t, thread: 'A', parent: 'root', at: 1 + k, kind }),
    ),
    ...b.map((kind, k) =>
      ev({ name: `b${k}`, trace: t, thread: 'B', parent: 'root', at: 1 + k, kind }),
    ),
  ];
}

describe('detectRaces', () => {
  it.each([
    ['write/write without locks', [access('v', 'Write', 'a')], [access('v', 'Write', 'b')], 1],
    ['read/write without locks', [access('v', 'Read', 'a')], [access('v', 'Write', 'b')], 1],
    ['read/read never', [access('v', 'Read', 'a')], [access('v', 'Read', 'b')], 0],
    [
      'atomic write vs atomic RMW never',
      [access('v', 'AtomicWrite', 'a')],
      [access('v', 'AtomicRMW', 'b')],
      0,
    ],
    [
      'plain read vs atomic write',
      [access('v', 'Read', 'a')],
      [access('v', 'AtomicWrite', 'b')],
      1,
    ],
    [
      'both under one mutex',
      [lock('LockAcquire', 'm'), access('v', 'Write', 'a')],
      [lock('LockAcquire', 'm'), access('v', 'Write', 'b')],
      0,
    ],
    [
      'two read holds of one RW lock do not exclude writes',
      [lock('LockAcquire', 'rw', 'RwLock-Read'), access('v', 'Write', 'a')],
      [lock('LockAcquire', 'rw', 'RWLock-Read'), access('v', 'Write', 'b')],
      1,
    ],
    [
      'a read hold excludes a write hold',
      [lock('LockAcquire', 'rw', 'RwLock::Read'), access('v', 'Read', 'a')],
      [lock('LockAcquire', 'rw', 'RwLock-Write'), access('v', 'Write', 'b')],
      0,
    ],
    [
      'an earlier unlocked access does not hide behind a later locked one',
      [access('v', 'Write', 'a'), lock('LockAcquire', 'm'), access('v', 'Write', 'a')],
      [lock('LockAcquire', 'm'), access('v', 'Write', 'b')],
      1,
    ],
    [
      'every pair of a hot variable is counted',
      [access('v', 'Write', 'a'), access('v', 'Write', 'a'), access('v', 'Write', 'a')],
      [access('v', 'Write', 'b'), access('v', 'Write', 'b')],
      6,
    ],
  ])('%s', (_name, a, b, expected) => {
    const { races } = detect(twoWorkers(a, b));
    expect(races.total).toBe(expected);
  });

  it('agrees with the all-pairs oracle when accesses hold many locks in many combinations', () => {
    // Up to six locks of any kind per worker: lock sets past the tallied limit take the class path.
    const step = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
            fc.constantFrom('Mutex', 'RwLock-Read', 'RWLock-Write'),
          )
          .map(([id, type]) => lock('LockAcquire', id, type)),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('a', 'b', 'c', 'd', 'e', 'f')
          .map((id) => lock('LockRelease', id, 'Mutex')),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.constantFrom('Read', 'Write', 'AtomicWrite' as const),
            fc.constantFrom('L1', 'L2'),
          )
          .map(([type, at]) => access('v', type, at)),
      },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(step, { maxLength: 12 }), { minLength: 2, maxLength: 5 }),
        (workers) => {
          const wire = [
            ev({
              name: 'root',
              trace: 'locks',
              thread: 'main',
              at: 0,
              kind: access('boot', 'Read', 'r'),
            }),
            ...workers.flatMap((steps, w) =>
              steps.map((kind, k) =>
                ev({
                  name: `w${w}-${k}`,
                  trace: 'locks',
                  thread: `T${w}`,
                  parent: k === 0 ? 'root' : `w${w}-${k - 1}`,
                  at: 1 + k,
                  kind,
                }),
              ),
            ),
          ];
          // Class by class (a few lock sets per site) and by lock-combination tallies (forced).
          for (const classScanMax of [undefined, 0]) {
            const { races, oracle } = detect(wire, classScanMax);
            expect(new Map(races.groups.map((g) => [keyOf(g), g.count]))).toEqual(oracle.groups);
            expect(races.total).toBe(oracle.total);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts a variable written under a lock per worker, pair for pair', () => {
    // Each worker's own lock excludes nobody else: every pair of writes races.
    const workers = 300;
    const wire = [
      ev({
        name: 'root',
        trace: 'own-locks',
        thread: 'main',
        at: 0,
        kind: access('boot', 'Read', 'r'),
      }),
      ...Array.from({ length: workers }, (_, w) => [
        ev({
          name: `acq${w}`,
          trace: 'own-locks',
          thread: `T${w}`,
          parent: 'root',
          at: 1,
          kind: lock('LockAcquire', `lock${w}`, 'Mutex'),
        }),
        ev({
          name: `write${w}`,
          trace: 'own-locks',
          thread: `T${w}`,
          parent: `acq${w}`,
          at: 2,
          kind: access('v', 'Write', 'bank.ts:7'),
        }),
      ]).flat(),
    ];
    const { races, oracle } = detect(wire);
    expect(races.total).toBe((workers * (workers - 1)) / 2);
    expect(races.total).toBe(oracle.total);
    expect(races.groups).toHaveLength(1);
    expect(races.groups[0]!.examples).toHaveLength(10);
  });

  it('finds exactly the race groups of the all-pairs oracle on 1 000 random traces', () => {
    fc.assert(
      fc.property(randomTrace(), fc.constantFrom(undefined, 0), (wire, classScanMax) => {
        const { races, oracle, causality } = detect(wire, classScanMax);
        const groups = new Map(races.groups.map((g) => [keyOf(g), g.count]));
        expect(groups).toEqual(oracle.groups);
        expect(races.total).toBe(oracle.total);
        const earlier = new Set(
          Array.from(causality.order).filter((i) => races.racesEarlier[i] === 1),
        );
        expect(earlier).toEqual(oracle.racesEarlier);
      }),
      { numRuns: 1000 },
    );
  });
});
