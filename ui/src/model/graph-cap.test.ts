import { describe, expect, it } from 'vitest';
import type { TraceGraph } from '../api/types';
import { capGraph } from './graph-cap';

const node = (id: string, ms: number) => ({
  id,
  context: 'c',
  service_name: 's',
  kind: 'Custom',
  label: id,
  timestamp: `2024-01-01T00:00:00.${String(ms).padStart(3, '0')}Z`,
});

describe('capGraph', () => {
  const graph: TraceGraph = {
    trace_id: 't',
    nodes: [node('a', 1), node('b', 2), node('c', 3), node('r1', 4), node('r2', 5)],
    edges: [
      { from: 'a', to: 'b', type: 'program' },
      { from: 'c', to: 'r1', type: 'program' },
    ],
    races: [{ event1_id: 'r1', event2_id: 'r2', severity: 'CRITICAL' }],
  };

  it('keeps a small graph whole', () => {
    expect(capGraph(graph, 10)).toMatchObject({ hidden: 0, hiddenRaces: 0 });
  });

  it('draws at most raceLimit race pairs and counts the others', () => {
    const many: TraceGraph = {
      ...graph,
      races: [...graph.races, { event1_id: 'a', event2_id: 'b', severity: 'WARNING' }],
    };
    expect(capGraph(many, 10, 1)).toMatchObject({ races: graph.races, hiddenRaces: 1 });
  });

  it('keeps racing events and their neighbours first, then the earliest, and counts the rest', () => {
    const capped = capGraph(graph, 4);
    expect(capped.nodes.map((n) => n.id).sort()).toEqual(['a', 'c', 'r1', 'r2']);
    expect(capped.hidden).toBe(1);
    expect(capped.edges).toEqual([{ from: 'c', to: 'r1', type: 'program' }]);
    expect(capped.races).toHaveLength(1);
  });
});
