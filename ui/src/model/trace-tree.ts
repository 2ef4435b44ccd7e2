import type { ApiEvent } from '../api/types';

export interface TreeNode {
  event: ApiEvent;
  depth: number;
  children: TreeNode[];
}

/**
 * The `parent_id` forest of a trace: events whose parent is missing become roots. Children keep the
 * order of `events` (the API's time order). Cycles cannot occur because each event is placed once.
 */
export function traceTree(events: readonly ApiEvent[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const event of events) nodes.set(event.id, { event, depth: 0, children: [] });
  const roots: TreeNode[] = [];
  for (const event of events) {
    const node = nodes.get(event.id) as TreeNode;
    const parent = event.parent_id ? nodes.get(event.parent_id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const seen = new Set<TreeNode>();
  // Iterative: a long single-context trace is a parent chain thousands of events deep.
  const setDepth = (start: TreeNode): void => {
    const stack: TreeNode[] = [start];
    seen.add(start);
    start.depth = 0;
    while (stack.length) {
      const node = stack.pop() as TreeNode;
      for (const child of node.children)
        if (!seen.has(child)) {
          seen.add(child);
          child.depth = node.depth + 1;
          stack.push(child);
        }
    }
  };
  for (const root of roots) setDepth(root);
  // Events only reachable through a parent cycle would be invisible; show them as roots.
  for (const node of nodes.values())
    if (!seen.has(node)) {
      roots.push(node);
      setDepth(node);
    }
  return roots;
}

/** Flattens the tree for a virtualised list, skipping the children of collapsed nodes. */
export function visibleRows(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
): TreeNode[] {
  const rows: TreeNode[] = [];
  const stack = [...roots].reverse();
  const seen = new Set<TreeNode>();
  while (stack.length) {
    const node = stack.pop() as TreeNode;
    if (seen.has(node)) continue;
    seen.add(node);
    rows.push(node);
    if (!collapsed.has(node.event.id))
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TreeNode);
  }
  return rows;
}
