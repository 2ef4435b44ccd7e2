import { describe, expect, it } from 'vitest';
import type { RaceDetail } from '../api/types';
import { makeAccess as access } from '../testing/event-factory';
import { racePairsOf } from './access-focus';
import { accessGraph, ACCESS_GRAPH_PAGE } from './access-graph';

const race = (variable: string, a: string, b: string): RaceDetail =>
  ({ variable, event1_id: a, event2_id: b, severity: 'CRITICAL' }) as RaceDetail;

// The two-thread transfer of spec §9 S4 as the collector answers it.
const trail = [
  access('r1', { access_type: 'Read', has_causal_link_to_previous: true }),
  access('r2', { access_type: 'Read', thread_id: 't2' }),
  access('w1', { is_race: true }),
  access('w2', { thread_id: 't2', is_race: true }),
];
const pairs = racePairsOf(
  [
    race('balance', 'r1', 'w2'),
    race('balance', 'r2', 'w1'),
    race('balance', 'w1', 'w2'),
    race('other', 'r1', 'r2'),
  ],
  'balance',
);

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
    expect(graph.races).toEqual([{ a: 'r1', b: 'w2', severity: 'CRITICAL' }]);
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
