import type { TraceCausality } from '../../causality/trace-causality.js';
import type { LockSet } from '../../causality/lock-set.js';
import type { AccessType } from '../../model/event.js';
import type { StoredEvent } from '../../model/stored-event.js';
import type { RaceSeverity } from '../results.js';
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
}

/** Accesses counted per context: positions in program order (ascending). */
interface Tally {
  total: number;
  byContext: Map<number, number[]>;
}

/**
 * The accesses of one variable with one access type and location, whatever their locks (a "site"):
 * the race groups are per pair of sites. Besides its classes (for examples) it tallies all its
 * accesses, and those holding each combination of locks, so that the accesses racing with a later one
 * are counted as "all unordered ones, less those a shared lock excludes" (inclusion–exclusion over the
 * later access's few locks) instead of class by class: a variable touched under many different lock
 * sets (a lock per worker) would otherwise cost classes × accesses.
 */
interface Site {
  type: AccessType;
  location: string;
  /** Its classes in creation order (examples come from them in this order), and by lock-set key. */
  classes: AccessClass[];
  classByLocks: Map<string, AccessClass>;
  all: Tally;
  /** Requirement key (see `requirementKey`) → accesses meeting it. */
  holding: Map<string, Tally>;
  /** False once an access held more locks than inclusion–exclusion is worth: then class by class. */
  tallied: boolean;
  /** Race group of this site (as the later access) with each earlier site. */
  groups: Map<Site, DetectedRaceGroup>;
}

/** Locks beyond which an access's lock combinations are not tallied (3^4 − 1 = 80 combinations). */
const MAX_TALLIED_LOCKS = 4;

/**
 * Races in one trace: pairs of accesses to one variable from different contexts, at least one a write,
 * not both atomic, unordered by HB and with no lock excluding the other. Accesses are visited in a
 * linear extension of HB, so every pair is found once, when its later access b arrives. Inside a
 * context HB to b is downward closed, so the earlier accesses of a tally that race with b are its total
 * minus, for each context in b's sparse clock, those at or below b's entry for that context (a binary
 * search), minus b's own context. Per access the cost is O(sites · 2^|locks| · |clock| · log), never a
 * scan of earlier accesses, of every context or of every lock set.
 */
export function detectRaces(
  events: readonly StoredEvent[],
  causality: TraceCausality,
): DetectedRaces {
  const variables = new Map<string, Map<string, Site>>();
  const groups = new Map<string, DetectedRaceGroup>();
  const racesEarlier = new Uint8Array(events.length);
  let total = 0;

  for (const i of causality.order) {
    const event = events[i]!;
    if (!('StateChange' in event.kind)) continue;
    const { variable, location, access_type: type } = event.kind.StateChange;
    const ctx = causality.ctxOf[i]!;
    const locks = causality.locks[i]!;
    const clock = causality.foreignClock(i);
    /** Accesses of `tally` that b does not follow in HB, outside b's own context. */
    const unordered = (tally: Tally): number => {
      let count = tally.total - (tally.byContext.get(ctx)?.length ?? 0);
      for (let k = 0; k < clock.keys.length && count > 0; k++) {
        const positions = tally.byContext.get(clock.keys[k]!);
        if (positions) count -= upperBound(positions, clock.values[k]!);
      }
      return count;
    };

    let sites = variables.get(variable);
    if (!sites) variables.set(variable, (sites = new Map<string, Site>()));
    const siteKey = `${type}\u0000${location}`;
    let own = sites.get(siteKey);
    if (!own) {
      own = {
        type,
        location,
        classes: [],
        classByLocks: new Map(),
        all: newTally(),
        holding: new Map(),
        tallied: true,
        groups: new Map(),
      };
      sites.set(siteKey, own);
    }

    for (const site of sites.values()) {
      if (!conflicts(site.type, type)) continue;
      let count = 0;
      if (site.tallied && locks.locks.length <= MAX_TALLIED_LOCKS) {
        count = unordered(site.all);
        // Inclusion–exclusion over b's locks: an earlier access is excluded when it holds one of
        // them in a mode that excludes b's (any mode against a write hold, a write hold against a read).
        if (count > 0)
          for (const [key, sign] of exclusionTerms(locks)) {
            const holders = site.holding.get(key);
            if (holders) count -= sign * unordered(holders);
          }
      } else {
        for (const cls of site.classes) {
          if (cls.locks.excludes(locks)) continue;
          count += unordered(classTally(cls));
        }
      }
      if (count === 0) continue;
      racesEarlier[i] = 1;
      total += count;
      let group = own.groups.get(site);
      if (!group) {
        group = groupOf(
          groups,
          variable,
          { location: site.location, access_type: site.type },
          { location, access_type: type },
        );
        own.groups.set(site, group);
      }
      group.count += count;
      for (const cls of site.classes) {
        if (group.examples.length >= MAX_EXAMPLES_PER_GROUP) break;
        if (!cls.locks.excludes(locks)) addExamples(group, cls, i, ctx, causality);
      }
    }

    let cls = own.classByLocks.get(locks.key);
    if (!cls) {
      cls = { locks, type, location, total: 0, byContext: new Map() };
      own.classes.push(cls);
      own.classByLocks.set(locks.key, cls);
    }
    let mine = cls.byContext.get(ctx);
    if (!mine) cls.byContext.set(ctx, (mine = { positions: [], events: [] }));
    const position = causality.pos[i]!;
    mine.positions.push(position);
    mine.events.push(i);
    cls.total += 1;
    tally(own.all, ctx, position);
    if (locks.locks.length > MAX_TALLIED_LOCKS) own.tallied = false;
    else if (own.tallied)
      for (const key of requirementsMet(locks)) {
        let holders = own.holding.get(key);
        if (!holders) own.holding.set(key, (holders = newTally()));
        tally(holders, ctx, position);
      }
  }
  return { groups: [...groups.values()], total, racesEarlier };
}

function newTally(): Tally {
  return { total: 0, byContext: new Map() };
}

function tally(t: Tally, ctx: number, position: number): void {
  const positions = t.byContext.get(ctx);
  if (positions) positions.push(position);
  else t.byContext.set(ctx, [position]);
  t.total += 1;
}

/** A class's accesses as a tally (class by class, for sites whose lock combinations are not tallied). */
function classTally(cls: AccessClass): Tally {
  const byContext = new Map<number, number[]>();
  for (const [c, { positions }] of cls.byContext) byContext.set(c, positions);
  return { total: cls.total, byContext };
}

/**
 * A requirement on an earlier access's locks: for each lock, held in any mode (`*`) or held for
 * writing (`w`). Sorted by lock id, so equal requirements have equal keys.
 */
function requirementKey(parts: ReadonlyArray<readonly [string, '*' | 'w']>): string {
  // One lock named twice (a context holding an RW lock in both modes) needs what the stricter asks.
  const need = new Map<string, '*' | 'w'>();
  for (const [id, n] of parts) if (need.get(id) !== 'w') need.set(id, n);
  return [...need]
    .map(([id, n]) => `${id}\u0000${n}`)
    .sort()
    .join('\u0001');
}

// Lock sets are shared by the events that hold the same locks: their keys are built once.
const metCache = new WeakMap<LockSet, string[]>();
const termsCache = new WeakMap<LockSet, Array<[string, number]>>();

/** Every non-empty requirement the access's locks meet (a write hold meets both `*` and `w`). */
function requirementsMet(locks: LockSet): string[] {
  let keys = metCache.get(locks);
  if (!keys) metCache.set(locks, (keys = requirementsOf(locks)));
  return keys;
}

function requirementsOf(locks: LockSet): string[] {
  const keys = new Set<string>();
  const choose = (k: number, parts: Array<readonly [string, '*' | 'w']>): void => {
    if (k === locks.locks.length) {
      if (parts.length > 0) keys.add(requirementKey(parts));
      return;
    }
    const { id, mode } = locks.locks[k]!;
    choose(k + 1, parts);
    choose(k + 1, [...parts, [id, '*']]);
    if (mode === 'write') choose(k + 1, [...parts, [id, 'w']]);
  };
  choose(0, []);
  return [...keys];
}

/**
 * The inclusion–exclusion terms of "excluded by one of b's locks": for each non-empty subset of b's
 * locks, the requirement "holds each of them in a mode excluding b's" with sign +1 for odd subsets and
 * −1 for even ones. A lock b holds for writing excludes any hold of it; one b holds for reading, only
 * a write hold.
 */
function exclusionTerms(locks: LockSet): Array<[string, number]> {
  let terms = termsCache.get(locks);
  if (!terms) termsCache.set(locks, (terms = exclusionTermsOf(locks)));
  return terms;
}

function exclusionTermsOf(locks: LockSet): Array<[string, number]> {
  const held = locks.locks;
  const terms: Array<[string, number]> = [];
  for (let subset = 1; subset < 1 << held.length; subset++) {
    const parts: Array<readonly [string, '*' | 'w']> = [];
    for (let k = 0; k < held.length; k++)
      if (subset & (1 << k)) parts.push([held[k]!.id, held[k]!.mode === 'write' ? '*' : 'w']);
    terms.push([requirementKey(parts), parts.length % 2 === 1 ? 1 : -1]);
  }
  return terms;
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
