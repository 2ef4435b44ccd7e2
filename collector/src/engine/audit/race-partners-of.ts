import type { LockSet } from '../../causality/lock-set.js';
import type { TraceCausality } from '../../causality/trace-causality.js';
import type { AccessType } from '../../model/event.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { AccessClasses } from '../races/access-classes.js';
import { conflicts } from '../races/access-kind.js';
import { upperBound } from '../races/upper-bound.js';

/** Racing partners listed per access; the count is always exact. */
export const MAX_RACE_PARTNERS = 20;

export interface RacePartners {
  /** Event index → racing accesses (event indices, canonical HB order), at most `limit`. */
  listed: Map<number, number[]>;
  /** Event index → how many accesses it races with in all (earlier and later ones). */
  counts: Map<number, number>;
}

/** Accesses of one class made in one context, in program order. */
interface Run {
  ctx: number;
  positions: number[];
  events: number[];
  /** `hits` of the class when each access joined it. */
  base: number[];
  /** Difference array (one longer than the run): later accesses racing with a prefix are taken back. */
  diff: number[];
  /** Union-find over slots: the next slot at or after j whose list still has room (the last is a sentinel). */
  room: number[];
  live: boolean;
}

/** One (lock set, access type, location) class of a variable, as the race detector keeps them. */
interface AccessClass {
  locks: LockSet;
  type: AccessType;
  location: string;
  total: number;
  runs: Run[];
  byCtx: Map<number, Run>;
  /** Runs that hold an access whose list has room. */
  live: Run[];
  /** Later accesses that raced with members of the class (each member counts those after its `base`). */
  hits: number;
}

/**
 * Which accesses each access races with, under the race detector's rule (different contexts,
 * `conflicts`, no excluding lock, unordered by HB) and with its method: accesses visited in the
 * canonical HB order, grouped by class and context, so the accesses of a context HB-before the current
 * one are a prefix found by binary search on its clock. Bounded for a hot variable: the earlier partners
 * of an access are listed until `limit`, the later ones are pushed only to accesses whose list still has
 * room (runs and slots without room are skipped), and the counts come from per-class hit counters and
 * per-run difference arrays instead of pairs. Per access the cost is O(classes · |clock| · log + limit).
 */
export function racePartnersOf(
  events: readonly StoredEvent[],
  causality: TraceCausality,
  limit = MAX_RACE_PARTNERS,
  /** Only this variable's accesses (a trail of one variable need not pay for the others). */
  only?: string,
): RacePartners {
  const classes = new AccessClasses<AccessClass>();
  const listed = new Map<number, number[]>();
  const counts = new Map<number, number>();
  const listOf = (i: number): number[] => listed.get(i)!;

  const newClass = (locks: LockSet, type: AccessType, location: string): AccessClass => ({
    locks,
    type,
    location,
    total: 0,
    runs: [],
    byCtx: new Map(),
    live: [],
    hits: 0,
  });
  for (const i of causality.order) {
    const event = events[i]!;
    if (!('StateChange' in event.kind)) continue;
    const { variable, location, access_type: type } = event.kind.StateChange;
    if (only !== undefined && variable !== only) continue;
    const ctx = causality.ctxOf[i]!;
    const locks = causality.locks[i]!;
    const clock = causality.foreignClock(i);
    const { list, own } = classes.of(variable, locks, type, location, newClass);
    const mine: number[] = [];
    listed.set(i, mine);
    let earlier = 0;

    for (const cls of list) {
      if (!conflicts(cls.type, type) || cls.locks.excludes(locks)) continue;
      // Earlier accesses of the class racing with i: all but its own context's and the HB prefixes.
      let count = cls.total - (cls.byCtx.get(ctx)?.positions.length ?? 0);
      const covered: Array<[Run, number]> = [];
      for (let k = 0; k < clock.keys.length; k++) {
        const run = cls.byCtx.get(clock.keys[k]!);
        if (!run) continue;
        const prefix = upperBound(run.positions, clock.values[k]!);
        if (prefix > 0) covered.push([run, prefix]);
        count -= prefix;
      }
      if (count === 0) continue;
      earlier += count;

      // i is a later partner of every member except its own context's and the covered prefixes.
      cls.hits += 1;
      const ownRun = cls.byCtx.get(ctx);
      if (ownRun) takeBack(ownRun, ownRun.positions.length);
      for (const [run, prefix] of covered) takeBack(run, prefix);

      for (const run of cls.runs) {
        if (mine.length >= limit) break;
        if (run.ctx === ctx) continue;
        const start = upperBound(run.positions, causality.clockAt(i, run.ctx));
        for (let j = start; j < run.events.length && mine.length < limit; j++)
          mine.push(run.events[j]!);
      }

      cls.live = cls.live.filter((run) => {
        if (run.ctx !== ctx) {
          const start = upperBound(run.positions, causality.clockAt(i, run.ctx));
          for (let j = roomFrom(run.room, start); j < run.events.length;) {
            const theirs = listOf(run.events[j]!);
            theirs.push(i);
            if (theirs.length >= limit) run.room[j] = j + 1;
            j = roomFrom(run.room, j + 1);
          }
        }
        run.live = roomFrom(run.room, 0) < run.events.length;
        return run.live;
      });
    }
    counts.set(i, earlier);

    let run = own.byCtx.get(ctx);
    if (!run) {
      run = { ctx, positions: [], events: [], base: [], diff: [0], room: [0], live: false };
      own.byCtx.set(ctx, run);
      own.runs.push(run);
    }
    const slot = run.events.length;
    run.positions.push(causality.pos[i]!);
    run.events.push(i);
    run.base.push(own.hits);
    run.diff.push(0);
    run.room[slot] = mine.length < limit ? slot : slot + 1;
    run.room.push(slot + 1);
    if (mine.length < limit && !run.live) {
      run.live = true;
      own.live.push(run);
    }
    own.total += 1;
  }

  for (const cls of classes.all())
    for (const run of cls.runs) {
      let taken = 0;
      run.events.forEach((i, j) => {
        taken += run.diff[j]!;
        counts.set(i, counts.get(i)! + cls.hits - run.base[j]! + taken);
      });
    }
  const rank = new Int32Array(events.length);
  causality.order.forEach((i, k) => (rank[i] = k));
  for (const list of listed.values()) list.sort((a, b) => rank[a]! - rank[b]!);
  return { listed, counts };
}

/** The first `prefix` accesses of the run are HB-before the current access: it is not their partner. */
function takeBack(run: Run, prefix: number): void {
  run.diff[0]! -= 1;
  run.diff[prefix]! += 1;
}

/** The first slot at or after `j` with room, compressing the path on the way. */
function roomFrom(room: number[], j: number): number {
  let root = j;
  while (room[root] !== root) root = room[root]!;
  while (room[j] !== root) {
    const next = room[j]!;
    room[j] = root;
    j = next;
  }
  return root;
}
