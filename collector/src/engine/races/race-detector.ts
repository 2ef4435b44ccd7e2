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
  site: Site;
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
 * race groups are per pair of sites. Racing accesses are counted class by class while a site has a few
 * lock sets; past {@link CLASS_SCAN_MAX} it also tallies its accesses, in all and per combination of
 * held locks (a lock held at all, or held for writing), and counts the accesses racing with a later
 * one as "all unordered ones, less those one of its locks excludes" (inclusion–exclusion over its few
 * locks): a variable touched under a different lock by each worker would otherwise cost classes ×
 * accesses.
 */
interface Site {
  type: AccessType;
  location: string;
  /** Its classes in creation order (examples come from them in this order). */
  classes: AccessClass[];
  /** All accesses, and per requirement key (see `requirementKey`) those meeting it, once built. */
  tallies: { all: Tally; holding: Map<string, Tally> } | undefined;
  /** An access held more locks than inclusion–exclusion is worth: class by class for good. */
  untallied: boolean;
  /** Race group of this site (as the later access) with each earlier site (made on the first race). */
  groups: Map<Site, DetectedRaceGroup> | undefined;
}

/** Lock sets a site counts class by class before it tallies by lock combination. */
const CLASS_SCAN_MAX = 16;
/** Locks beyond which an access's lock combinations are not tallied (3^4 − 1 = 80 combinations). */
const MAX_TALLIED_LOCKS = 4;

/**
 * Races in one trace: pairs of accesses to one variable from different contexts, at least one a write,
 * not both atomic, unordered by HB and with no lock excluding the other. Accesses are visited in a
 * linear extension of HB, so every pair is found once, when its later access b arrives. Inside a
 * context HB to b is downward closed, so the earlier accesses of a class (or tally) that race with b
 * are its total minus, for each context in b's sparse clock, those at or below b's entry for that
 * context (a binary search), minus b's own context. Per access the cost is O(sites · min(classes,
 * 2^|locks|) · |clock| · log), never a scan of earlier accesses or of every context.
 */
export function detectRaces(
  events: readonly StoredEvent[],
  causality: TraceCausality,
  /** Lock sets a site counts class by class (tests set 0 to check the tallies on every trace). */
  classScanMax = CLASS_SCAN_MAX,
): DetectedRaces {
  const variables = new Map<string, { list: Site[]; classByKey: Map<string, AccessClass> }>();
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
    let state = variables.get(variable);
    if (!state) variables.set(variable, (state = { list: [], classByKey: new Map() }));
    // The access's class, and through it its site: one lookup per access on the usual path.
    const classKey = `${locks.key}\u0000${type}\u0000${location}`;
    let cls = state.classByKey.get(classKey);
    if (!cls) {
      // A new class, rarely: its site is found by a scan (a variable has a few sites).
      let site = state.list.find((x) => x.type === type && x.location === location);
      if (!site) {
        site = {
          type,
          location,
          classes: [],
          tallies: undefined,
          untallied: false,
          groups: undefined,
        };
        state.list.push(site);
      }
      cls = { locks, type, location, site, total: 0, byContext: new Map() };
      site.classes.push(cls);
      state.classByKey.set(classKey, cls);
    }
    const own = cls.site;

    for (const site of state.list) {
      if (!conflicts(site.type, type)) continue;
      let count = 0;
      if (site.tallies && locks.locks.length <= MAX_TALLIED_LOCKS) {
        count = unordered(site.tallies.all.total, site.tallies.all.byContext, ctx, clock);
        // Inclusion–exclusion over b's locks: an earlier access is excluded when it holds one of
        // them in a mode that excludes b's (any mode against a write hold, a write hold against a read).
        if (count > 0)
          for (const [key, sign] of exclusionTerms(locks)) {
            const holders = site.tallies.holding.get(key);
            if (holders) count -= sign * unordered(holders.total, holders.byContext, ctx, clock);
          }
      } else {
        for (const cls of site.classes)
          if (!cls.locks.excludes(locks)) count += unorderedOfClass(cls, ctx, clock);
      }
      if (count === 0) continue;
      racesEarlier[i] = 1;
      total += count;
      let group = own.groups?.get(site);
      if (!group) {
        group = groupOf(
          groups,
          variable,
          { location: site.location, access_type: site.type },
          { location, access_type: type },
        );
        (own.groups ??= new Map()).set(site, group);
      }
      group.count += count;
      for (const cls of site.classes) {
        if (group.examples.length >= MAX_EXAMPLES_PER_GROUP) break;
        if (!cls.locks.excludes(locks)) addExamples(group, cls, i, ctx, causality);
      }
    }

    const position = causality.pos[i]!;
    let mine = cls.byContext.get(ctx);
    if (!mine) cls.byContext.set(ctx, (mine = { positions: [], events: [] }));
    mine.positions.push(position);
    mine.events.push(i);
    cls.total += 1;
    if (locks.locks.length > MAX_TALLIED_LOCKS) {
      own.untallied = true;
      own.tallies = undefined;
    } else if (own.tallies) {
      addToTally(own.tallies.all, ctx, position);
      for (const key of requirementsMet(locks)) {
        let holders = own.tallies.holding.get(key);
        if (!holders) own.tallies.holding.set(key, (holders = newTally()));
        addToTally(holders, ctx, position);
      }
    } else if (!own.untallied && own.classes.length > classScanMax) own.tallies = talliesOf(own);
  }
  return { groups: [...groups.values()], total, racesEarlier };
}

/** Accesses of `total` (positions per context) that b does not follow in HB, outside b's context. */
function unordered(
  total: number,
  byContext: ReadonlyMap<number, readonly number[]>,
  ctx: number,
  clock: { keys: ArrayLike<number>; values: ArrayLike<number> },
): number {
  let count = total - (byContext.get(ctx)?.length ?? 0);
  for (let k = 0; k < clock.keys.length && count > 0; k++) {
    const positions = byContext.get(clock.keys[k]!);
    if (positions) count -= upperBound(positions, clock.values[k]!);
  }
  return count;
}

/** {@link unordered} for one class. */
function unorderedOfClass(
  cls: AccessClass,
  ctx: number,
  clock: { keys: ArrayLike<number>; values: ArrayLike<number> },
): number {
  let count = cls.total - (cls.byContext.get(ctx)?.positions.length ?? 0);
  for (let k = 0; k < clock.keys.length && count > 0; k++) {
    const mine = cls.byContext.get(clock.keys[k]!);
    if (mine) count -= upperBound(mine.positions, clock.values[k]!);
  }
  return count;
}

function append(byContext: Map<number, number[]>, ctx: number, value: number): void {
  const list = byContext.get(ctx);
  if (list) list.push(value);
  else byContext.set(ctx, [value]);
}

function newTally(): Tally {
  return { total: 0, byContext: new Map() };
}

function addToTally(t: Tally, ctx: number, position: number): void {
  append(t.byContext, ctx, position);
  t.total += 1;
}

/** The tallies of a site that has just outgrown class-by-class counting, from its classes. */
function talliesOf(site: Site): { all: Tally; holding: Map<string, Tally> } {
  const all = newTally();
  const holding = new Map<string, Tally>();
  const merge = (t: Tally, cls: AccessClass): void => {
    for (const [c, { positions }] of cls.byContext)
      for (const p of positions) append(t.byContext, c, p);
    t.total += cls.total;
  };
  for (const cls of site.classes) {
    merge(all, cls);
    for (const key of requirementsMet(cls.locks)) {
      let holders = holding.get(key);
      if (!holders) holding.set(key, (holders = newTally()));
      merge(holders, cls);
    }
  }
  for (const t of [all, ...holding.values()])
    for (const positions of t.byContext.values()) positions.sort((a, b) => a - b);
  return { all, holding };
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
