import type { TraceCausality } from '../../causality/trace-causality.js';
import type { LockSet } from '../../causality/lock-set.js';
import type { AccessType } from '../../model/event.js';
import type { StoredEvent } from '../../model/stored-event.js';
import type { RaceSeverity } from '../results.js';
import { conflicts, raceSeverity } from './access-kind.js';

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
 * Accesses of one variable by one context under one lock set, of one access type at one location. In a
 * context accesses are totally ordered, and HB to a later access is downward closed, so the accesses of
 * a summary not ordered before an access b are exactly a suffix: those with a position above b's clock
 * entry for that context. A FastTrack epoch per variable would not do: with lock sets in the rule, an
 * earlier unlocked access must not hide behind a later locked one (DESIGN "Analyses").
 */
interface AccessSummary {
  ctx: number;
  locks: LockSet;
  type: AccessType;
  location: string;
  positions: number[];
  events: number[];
}

/**
 * Races in one trace: pairs of accesses to one variable from different contexts, at least one a write,
 * not both atomic, unordered by HB and with no lock excluding the other. Accesses are visited in a
 * linear extension of HB, so every pair is found once, when its later access arrives; per access the
 * cost is one binary search per summary of its variable instead of one check per earlier access.
 */
export function detectRaces(
  events: readonly StoredEvent[],
  causality: TraceCausality,
): DetectedRaces {
  const variables = new Map<string, { list: AccessSummary[]; byKey: Map<string, AccessSummary> }>();
  const groups = new Map<string, DetectedRaceGroup>();
  const racesEarlier = new Uint8Array(events.length);
  let total = 0;

  for (const i of causality.order) {
    const event = events[i]!;
    if (!('StateChange' in event.kind)) continue;
    const { variable, location, access_type: type } = event.kind.StateChange;
    const ctx = causality.ctxOf[i]!;
    const locks = causality.locks[i]!;
    let state = variables.get(variable);
    if (!state) variables.set(variable, (state = { list: [], byKey: new Map() }));

    for (const s of state.list) {
      if (s.ctx === ctx || !conflicts(s.type, type) || s.locks.excludes(locks)) continue;
      const bound = causality.clockAt(i, s.ctx);
      const first = upperBound(s.positions, bound);
      const count = s.positions.length - first;
      if (count === 0) continue;
      racesEarlier[i] = 1;
      total += count;
      const group = groupOf(
        groups,
        variable,
        { location: s.location, access_type: s.type },
        {
          location,
          access_type: type,
        },
      );
      group.count += count;
      for (
        let k = first;
        k < s.events.length && group.examples.length < MAX_EXAMPLES_PER_GROUP;
        k++
      )
        group.examples.push([s.events[k]!, i]);
    }

    const key = `${ctx}\u0000${locks.key}\u0000${type}\u0000${location}`;
    let summary = state.byKey.get(key);
    if (!summary) {
      summary = { ctx, locks, type, location, positions: [], events: [] };
      state.byKey.set(key, summary);
      state.list.push(summary);
    }
    summary.positions.push(causality.pos[i]!);
    summary.events.push(i);
  }
  return { groups: [...groups.values()], total, racesEarlier };
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

/** Index of the first element greater than `bound` in an ascending array. */
function upperBound(values: readonly number[], bound: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
