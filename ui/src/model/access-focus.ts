import type { RaceDetail, RaceSeverity, VariableAccess } from '../api/types';

/** How two consecutive accesses of a variable relate. */
export type AccessLink = 'ordered' | 'race' | 'unordered';

/** The racing pairs of one variable, keyed by both event ids (either order). */
export type RacePairs = ReadonlyMap<string, RaceSeverity>;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function racePairsOf(details: readonly RaceDetail[], variable: string): RacePairs {
  const pairs = new Map<string, RaceSeverity>();
  for (const race of details)
    if (race.variable === variable)
      pairs.set(pairKey(race.event1_id, race.event2_id), race.severity);
  return pairs;
}

export function raceBetween(pairs: RacePairs, a: string, b: string): RaceSeverity | undefined {
  return pairs.get(pairKey(a, b));
}

/**
 * The link from `previous` to `next` (consecutive in the trail): ordered when happens-before joins them,
 * a race when the API reports the pair, unordered otherwise (concurrent, but both reads or under a
 * common lock).
 */
export function linkBetween(
  previous: VariableAccess,
  next: VariableAccess,
  pairs: RacePairs,
): AccessLink {
  if (next.has_causal_link_to_previous) return 'ordered';
  return raceBetween(pairs, previous.event_id, next.event_id) ? 'race' : 'unordered';
}

export interface Neighbour {
  index: number;
  access: VariableAccess;
  /** The link between this neighbour and the current access (in time order). */
  link: AccessLink;
}

export interface AccessFocus {
  index: number;
  current: VariableAccess;
  previous: Neighbour | undefined;
  next: Neighbour | undefined;
  /** Every access the API reports racing with the current one, adjacent or not. */
  racesWith: Array<{ index: number; access: VariableAccess; severity: RaceSeverity }>;
}

/** The current access of an audit trail with its neighbours and race partners (spec §6.3 "Focus"). */
export function accessFocus(
  accesses: readonly VariableAccess[],
  index: number,
  pairs: RacePairs,
): AccessFocus | undefined {
  const current = accesses[index];
  if (!current) return undefined;
  const before = accesses[index - 1];
  const after = accesses[index + 1];
  const racesWith: AccessFocus['racesWith'] = [];
  accesses.forEach((access, i) => {
    const severity =
      i === index ? undefined : raceBetween(pairs, current.event_id, access.event_id);
    if (severity) racesWith.push({ index: i, access, severity });
  });
  return {
    index,
    current,
    previous: before && {
      index: index - 1,
      access: before,
      link: linkBetween(before, current, pairs),
    },
    next: after && { index: index + 1, access: after, link: linkBetween(current, after, pairs) },
    racesWith,
  };
}
