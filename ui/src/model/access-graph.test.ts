import { describe, expect, it } from 'vitest';
import { accessGraph, ACCESS_GRAPH_PAGE } from './access-graph';
import { makeAccess as access } from '../testing/event-factory';
import { s4Pairs as pairs, s4Trail as trail } from '../testing/s4-access-trail';

describe('accessGraph', () => {
  it('links consecutive accesses and adds the non-adjacent race pairs', () => {
    const graph = accessGraph(trail, 0, pairs);
    expect(graph.nodes.map((n) => [n.index, n.lane])).toEqual([
      [0, 0],
      [1, 1],
      [2, 0],
      [3, 1],
    ]);
    expect(graph.lanes).toEqual(['t1', 't2']);
    expect(graph.links.map((l) => [l.from, l.to, l.link])).toEqual([
      ['r1', 'r2', 'unordered'],
      ['r2', 'w1', 'race'],
      ['w1', 'w2', 'race'],
    ]);
    expect(graph.races).toEqual([{ a: 'r1', b: 'w2', severity: 'WARNING' }]);
  });

  it('draws the page of accesses that holds the current one', () => {
    const many = Array.from({ length: 100 }, (_, i) => access(`e${i}`));
    const graph = accessGraph(many, 45, pairs);
    expect(graph.start).toBe(ACCESS_GRAPH_PAGE);
    expect(graph.nodes).toHaveLength(ACCESS_GRAPH_PAGE);
    expect(graph.links).toHaveLength(ACCESS_GRAPH_PAGE - 1);
    expect(accessGraph(many, 99, pairs).nodes).toHaveLength(100 - 2 * ACCESS_GRAPH_PAGE);
  });
});
