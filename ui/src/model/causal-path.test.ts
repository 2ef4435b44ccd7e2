import { describe, expect, it } from 'vitest';
import { causalRelation, type CausalEdge } from './causal-path';

const e = (from: string, to: string, type: CausalEdge['type'] = 'program'): CausalEdge => ({
  from,
  to,
  type,
});

describe('causalRelation', () => {
  it('finds the shortest happens-before chain from the earlier to the later event', () => {
    const edges = [e('root', 'a'), e('a', 'b', 'call'), e('b', 'c'), e('root', 'c', 'spawn')];
    expect(causalRelation(edges, 'root', 'c')).toEqual({
      kind: 'ordered',
      from: 'root',
      to: 'c',
      steps: [{ from: 'root', to: 'c', type: 'spawn' }],
    });
  });

  it('finds the chain whichever argument comes first', () => {
    const edges = [e('w1', 'x'), e('x', 'w2', 'call')];
    const relation = causalRelation(edges, 'w2', 'w1');
    expect(relation).toMatchObject({ kind: 'ordered', from: 'w1', to: 'w2' });
    expect(relation.kind === 'ordered' && relation.steps.map((s) => s.type)).toEqual([
      'program',
      'call',
    ]);
  });

  it('reports two racing writes as concurrent, with the event where their histories fork', () => {
    const edges = [e('root', 'w1', 'spawn'), e('root', 'w2', 'spawn'), e('root', 'finish')];
    expect(causalRelation(edges, 'w1', 'w2')).toEqual({
      kind: 'concurrent',
      fork: 'root',
      branchToA: [{ from: 'root', to: 'w1', type: 'spawn' }],
      branchToB: [{ from: 'root', to: 'w2', type: 'spawn' }],
    });
  });

  it('picks the latest common ancestor, not the trace root', () => {
    const edges = [e('root', 'mid'), e('mid', 'a'), e('mid', 'b'), e('root', 'b')];
    const relation = causalRelation(edges, 'a', 'b');
    expect(relation).toMatchObject({ kind: 'concurrent', fork: 'mid' });
  });

  it('says there is no fork for events of two unrelated roots (two requests)', () => {
    const edges = [e('r1', 'w1'), e('r2', 'w2')];
    expect(causalRelation(edges, 'w1', 'w2')).toEqual({
      kind: 'concurrent',
      fork: null,
      branchToA: [],
      branchToB: [],
    });
  });
});
