import type { RaceSeverity, VariableAccess } from '../api/types';
import { isWriteAccess } from './event-kind';

/** How two consecutive accesses of a variable relate. */
export type AccessLink = 'ordered' | 'race' | 'unordered';

/** The racing pairs of one variable, keyed by both event ids (either order). */
export type RacePairs = ReadonlyMap<string, RaceSeverity>;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The racing pairs of an audit trail, from each access's `race_partners` (every partner up to the API's
 * cap per access, earlier or later; the pair is found from either side). Severity as the collector
 * grades it: CRITICAL when both write, WARNING otherwise.
 */
export function racePairsOf(accesses: readonly VariableAccess[]): RacePairs {
  const byId = new Map(accesses.map((a) => [a.event_id, a]));
  const pairs = new Map<string, RaceSeverity>();
  for (const access of accesses)
    for (const id of access.race_partners) {
      const partner = byId.get(id);
      if (!partner) continue;
      const bothWrite = isWriteAccess(access.access_type) && isWriteAccess(partner.access_type);
      pairs.set(pairKey(access.event_id, id), bothWrite ? 'CRITICAL' : 'WARNING');
    }
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
  /** Every access the API reports racing with the current one, adjacent or not, in trail order. */
  racesWith: Array<{ index: number; access: VariableAccess; severity: RaceSeverity }>;
  /** Partners the API counted but did not list (beyond its cap per access). */
  unlisted: number;
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
    unlisted: Math.max(current.race_partner_count - racesWith.length, 0),
  };
}
