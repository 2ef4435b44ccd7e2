import { describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/event-factory';
import { traceTree, visibleRows } from './trace-tree';

describe('traceTree', () => {
  const root = makeEvent({ id: 'root' });
  const child = makeEvent({ id: 'child', parent_id: 'root' });
  const grandchild = makeEvent({ id: 'grandchild', parent_id: 'child' });
  const orphan = makeEvent({ id: 'orphan', parent_id: 'missing' });

  it('nests events under their parent and makes orphans roots', () => {
    const roots = traceTree([root, child, grandchild, orphan]);
    expect(roots.map((r) => r.event.id)).toEqual(['root', 'orphan']);
    expect(visibleRows(roots, new Set()).map((r) => [r.event.id, r.depth])).toEqual([
      ['root', 0],
      ['child', 1],
      ['grandchild', 2],
      ['orphan', 0],
    ]);
  });

  it('hides the descendants of a collapsed node', () => {
    const rows = visibleRows(traceTree([root, child, grandchild]), new Set(['child']));
    expect(rows.map((r) => r.event.id)).toEqual(['root', 'child']);
  });

  it('still shows events caught in a parent cycle', () => {
    const a = makeEvent({ id: 'a', parent_id: 'b' });
    const b = makeEvent({ id: 'b', parent_id: 'a' });
    expect(
      visibleRows(traceTree([a, b]), new Set())
        .map((r) => r.event.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('sets depths along a 10k-deep parent chain without recursion', () => {
    const chain = [makeEvent({ id: 'c0' })];
    for (let i = 1; i < 10_000; i++) chain.push(makeEvent({ id: `c${i}`, parent_id: `c${i - 1}` }));
    const rows = visibleRows(traceTree(chain), new Set());
    expect(rows.at(-1)?.depth).toBe(9_999);
  });
});
