import type { RaceSeverity, VariableAccess } from '../api/types';
import { linkBetween, raceBetween, type AccessLink, type RacePairs } from './access-focus';

/** Accesses drawn at once: a hot variable has thousands, a layered layout stays readable to ~50. */
export const ACCESS_GRAPH_PAGE = 40;

export interface AccessGraph {
  /** Index of the first drawn access in the trail, and how many are drawn. */
  start: number;
  /** `lane` is the row of the access's thread (threads in order of their first drawn access). */
  nodes: Array<{ index: number; access: VariableAccess; lane: number }>;
  lanes: string[];
  /** Between consecutive drawn accesses, in time order. */
  links: Array<{ from: string; to: string; link: AccessLink }>;
  /** Racing pairs the API reports among the drawn accesses that are not consecutive (those are links). */
  races: Array<{ a: string; b: string; severity: RaceSeverity }>;
}

/**
 * The access graph of a variable (spec §6.3 "Graph") around access `index`: the page of
 * {@link ACCESS_GRAPH_PAGE} accesses holding it, one lane per thread, consecutive accesses linked (ordered by happens-before,
 * a race, or unordered), and the other race pairs among them.
 */
export function accessGraph(
  accesses: readonly VariableAccess[],
  index: number,
  pairs: RacePairs,
): AccessGraph {
  const start = Math.floor(Math.max(index, 0) / ACCESS_GRAPH_PAGE) * ACCESS_GRAPH_PAGE;
  const page = accesses.slice(start, start + ACCESS_GRAPH_PAGE);
  const lanes: string[] = [];
  const nodes = page.map((access, i) => {
    let lane = lanes.indexOf(access.thread_id);
    if (lane < 0) lane = lanes.push(access.thread_id) - 1;
    return { index: start + i, access, lane };
  });
  const links = page.slice(1).map((access, i) => {
    const previous = page[i] as VariableAccess;
    return {
      from: previous.event_id,
      to: access.event_id,
      link: linkBetween(previous, access, pairs),
    };
  });
  const races: AccessGraph['races'] = [];
  for (let i = 0; i < page.length; i++)
    for (let j = i + 2; j < page.length; j++) {
      const a = (page[i] as VariableAccess).event_id;
      const b = (page[j] as VariableAccess).event_id;
      const severity = raceBetween(pairs, a, b);
      if (severity) races.push({ a, b, severity });
    }
  return { start, nodes, lanes, links, races };
}
