import type { TraceGraph } from '../api/types';

export interface CappedGraph {
  nodes: TraceGraph['nodes'];
  edges: TraceGraph['edges'];
  races: TraceGraph['races'];
  /** Nodes left out to keep the layout responsive (0 when the graph is whole). */
  hidden: number;
  /** Race pairs between kept nodes that are not drawn (too many lines hide the graph). */
  hiddenRaces: number;
}

/**
 * Keeps at most `limit` nodes of a causal graph: racing events and their direct neighbours first
 * (they are why the user opened the DAG), then the earliest events. Edges and races are kept only
 * between kept nodes.
 */
export function capGraph(graph: TraceGraph, limit: number, raceLimit = Infinity): CappedGraph {
  if (graph.nodes.length <= limit) {
    const races = graph.races.slice(0, raceLimit);
    return {
      nodes: graph.nodes,
      edges: graph.edges,
      races,
      hidden: 0,
      hiddenRaces: graph.races.length - races.length,
    };
  }
  const keep = new Set<string>();
  const drawnRaces = graph.races.slice(0, raceLimit);
  const add = (id: string) => {
    if (keep.size < limit) keep.add(id);
  };
  for (const race of drawnRaces) {
    add(race.event1_id);
    add(race.event2_id);
  }
  for (const edge of graph.edges) {
    if (keep.has(edge.from)) add(edge.to);
    if (keep.has(edge.to)) add(edge.from);
  }
  const byTime = [...graph.nodes].sort(
    (a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id),
  );
  for (const node of byTime) add(node.id);
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    races: drawnRaces.filter((r) => keep.has(r.event1_id) && keep.has(r.event2_id)),
    hidden: graph.nodes.length - keep.size,
    hiddenRaces:
      graph.races.filter((r) => keep.has(r.event1_id) && keep.has(r.event2_id)).length -
      drawnRaces.filter((r) => keep.has(r.event1_id) && keep.has(r.event2_id)).length,
  };
}
