import type { TraceCausality } from '../../causality/trace-causality.js';
import type { LockSet } from '../../causality/lock-set.js';
import type { AccessType } from '../../model/event.js';
import type { StoredEvent } from '../../model/stored-event.js';
import type { RaceSeverity } from '../results.js';
import { AccessClasses } from './access-classes.js';
import { conflicts, raceSeverity } from './access-kind.js';
import { upperBound } from './upper-bound.js';

/** Representative pairs kept per group; counts are always exact. */
export const MAX_EXAMPLES_PER_GROUP = 10;

export interface RaceSide {
  location: string;
  access_type: AccessType;
}

/** Races of one (variable, pair of (location, access type)) group; examples are event-index pairs. */
export interface DetectedRaceGroup {
  variable: string;
  severity: RaceSeverity;
  sides: [RaceSide, RaceSide];
  count: number;
  examples: Array<[number, number]>;
}

export interface DetectedRaces {
  groups: DetectedRaceGroup[];
  /** Racing pairs in all groups. */
  total: number;
  /** Event index → 1 when the access races with an access earlier in the canonical HB order. */
  racesEarlier: Uint8Array;
}

/**
 * Accesses of one variable with one lock set, access type and location, split by context: one summary
 * per (context, lock set, access type, location), as DESIGN "Analyses" asks. A FastTrack epoch per
 * variable would not do: with lock sets in the rule, an earlier unlocked access must not hide behind a
 * later locked one.
 */
interface AccessClass {
  locks: LockSet;
  type: AccessType;
  location: string;
  /** Accesses seen so far in all contexts. */
  total: number;
  /** Context → positions (ascending, program order) and event indices of its accesses. */
  byContext: Map<number, { positions: number[]; events: number[] }>;
  /** Race group of this class (as the later access) with each earlier class. */
  groups: Map<AccessClass, DetectedRaceGroup>;
}

/**
 * Races in one trace: pairs of accesses to one variable from different contexts, at least one a write,
 * not both atomic, unordered by HB and with no lock excluding the other. Accesses are visited in a
 * linear extension of HB, so every pair is found once, when its later access b arrives. Inside a
 * context HB to b is downward closed, so the earlier accesses of a class that race with b are its total
 * minus, for each context in b's sparse clock, those at or below b's entry for that context (a binary
 * search), minus b's own context. Per access the cost is O(classes · |clock| · log), never a scan of
 * earlier accesses or of every context.
 */
export function detectRaces(
  events: readonly StoredEvent[],
  causality: TraceCausality,
): DetectedRaces {
  const classes = new AccessClasses<AccessClass>();
  const groups = new Map<string, DetectedRaceGroup>();
  const racesEarlier = new Uint8Array(events.length);
  let total = 0;

  const newClass = (locks: LockSet, type: AccessType, location: string): AccessClass => ({
    locks,
    type,
    location,
    total: 0,
    byContext: new Map(),
    groups: new Map(),
  });
  for (const i of causality.order) {
    const event = events[i]!;
    if (!('StateChange' in event.kind)) continue;
    const { variable, location, access_type: type } = event.kind.StateChange;
    const ctx = causality.ctxOf[i]!;
    const locks = causality.locks[i]!;
    const clock = causality.foreignClock(i);
    const { list, own } = classes.of(variable, locks, type, location, newClass);

    for (const cls of list) {
      if (!conflicts(cls.type, type) || cls.locks.excludes(locks)) continue;
      let count = cls.total - (cls.byContext.get(ctx)?.positions.length ?? 0);
      for (let k = 0; k < clock.keys.length && count > 0; k++) {
        const mine = cls.byContext.get(clock.keys[k]!);
        if (mine) count -= upperBound(mine.positions, clock.values[k]!);
      }
      if (count === 0) continue;
      racesEarlier[i] = 1;
      total += count;
      let group = own.groups.get(cls);
      if (!group) {
        group = groupOf(
          groups,
          variable,
          { location: cls.location, access_type: cls.type },
          { location, access_type: type },
        );
        own.groups.set(cls, group);
      }
      group.count += count;
      if (group.examples.length < MAX_EXAMPLES_PER_GROUP)
        addExamples(group, cls, i, ctx, causality);
    }

    let mine = own.byContext.get(ctx);
    if (!mine) own.byContext.set(ctx, (mine = { positions: [], events: [] }));
    mine.positions.push(causality.pos[i]!);
    mine.events.push(i);
    own.total += 1;
  }
  return { groups: [...groups.values()], total, racesEarlier };
}

/** Representative pairs: the first racing accesses of the class, contexts in first-seen order. */
function addExamples(
  group: DetectedRaceGroup,
  cls: AccessClass,
  i: number,
  ctx: number,
  causality: TraceCausality,
): void {
  for (const [c, mine] of cls.byContext) {
    if (c === ctx) continue;
    const first = upperBound(mine.positions, causality.clockAt(i, c));
    for (let k = first; k < mine.events.length; k++) {
      if (group.examples.length >= MAX_EXAMPLES_PER_GROUP) return;
      group.examples.push([mine.events[k]!, i]);
    }
  }
}

function groupOf(
  groups: Map<string, DetectedRaceGroup>,
  variable: string,
  a: RaceSide,
  b: RaceSide,
): DetectedRaceGroup {
  const ka = `${a.location}\u0000${a.access_type}`;
  const kb = `${b.location}\u0000${b.access_type}`;
  const sides: [RaceSide, RaceSide] = ka <= kb ? [a, b] : [b, a];
  const key = `${variable}\u0001${ka <= kb ? ka : kb}\u0001${ka <= kb ? kb : ka}`;
  let group = groups.get(key);
  if (!group) {
    group = {
      variable,
      severity: raceSeverity(a.access_type, b.access_type),
      sides,
      count: 0,
      examples: [],
    };
    groups.set(key, group);
  }
  return group;
}
