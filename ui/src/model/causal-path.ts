import type { CausalEdgeType } from '../api/types';

export interface CausalEdge {
  from: string;
  to: string;
  type: CausalEdgeType;
}

export interface CausalStep {
  from: string;
  to: string;
  type: CausalEdgeType;
}

/**
 * How two events relate in the happens-before graph of a trace:
 * - `ordered`: a chain of HB edges leads from `from` to `to` (`steps` is a shortest such chain);
 * - `concurrent`: no chain either way. `fork` is the latest event both descend from (null when they
 *   share no ancestor), with the two branches from it, so the UI can show where the paths split.
 */
export type CausalRelation =
  | { kind: 'ordered'; from: string; to: string; steps: CausalStep[] }
  | {
      kind: 'concurrent';
      fork: string | null;
      branchToA: CausalStep[];
      branchToB: CausalStep[];
    };

type Adjacency = Map<string, CausalEdge[]>;

function adjacency(edges: readonly CausalEdge[], reverse: boolean): Adjacency {
  const map: Adjacency = new Map();
  for (const edge of edges) {
    const key = reverse ? edge.to : edge.from;
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  }
  return map;
}

/** Breadth-first search; returns for each reached node the edge it was first reached by. */
function reach(start: string, next: Adjacency, reverse: boolean): Map<string, CausalEdge | null> {
  const via = new Map<string, CausalEdge | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const edge of next.get(node) ?? []) {
      const other = reverse ? edge.from : edge.to;
      if (via.has(other)) continue;
      via.set(other, edge);
      queue.push(other);
    }
  }
  return via;
}

/** The forward chain from the BFS root to `target` using the `via` map of a forward search. */
function chain(via: Map<string, CausalEdge | null>, target: string): CausalStep[] {
  const steps: CausalStep[] = [];
  let edge = via.get(target) ?? null;
  while (edge) {
    steps.unshift({ from: edge.from, to: edge.to, type: edge.type });
    edge = via.get(edge.from) ?? null;
  }
  return steps;
}

/** Finds the happens-before chain between two events, or where their histories split. */
export function causalRelation(edges: readonly CausalEdge[], a: string, b: string): CausalRelation {
  const forward = adjacency(edges, false);
  const fromA = reach(a, forward, false);
  if (fromA.has(b)) return { kind: 'ordered', from: a, to: b, steps: chain(fromA, b) };
  const fromB = reach(b, forward, false);
  if (fromB.has(a)) return { kind: 'ordered', from: b, to: a, steps: chain(fromB, a) };

  const backward = adjacency(edges, true);
  const ancestorsA = reach(a, backward, true);
  const ancestorsB = reach(b, backward, true);
  const common = [...ancestorsA.keys()].filter((n) => n !== a && ancestorsB.has(n) && n !== b);
  // The latest common ancestor: one whose descendants include no other common ancestor.
  const fork =
    common.find((candidate) => {
      const below = reach(candidate, forward, false);
      return !common.some((other) => other !== candidate && below.has(other));
    }) ?? null;
  if (fork === null) return { kind: 'concurrent', fork, branchToA: [], branchToB: [] };
  const fromFork = reach(fork, forward, false);
  return {
    kind: 'concurrent',
    fork,
    branchToA: chain(fromFork, a),
    branchToB: chain(fromFork, b),
  };
}
