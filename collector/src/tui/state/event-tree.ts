import type { RacewayEvent } from '../../model/event.js';

export interface TreeRow<E> {
  event: E;
  depth: number;
}

/**
 * Events as an indented tree from `parent_id`, children under their parent in the list's order. Events
 * whose parent is not in the trace (or absent) are roots, so nothing is hidden; a parent cycle cannot
 * loop because each event is placed once.
 */
export function eventTree<E extends RacewayEvent>(events: readonly E[]): TreeRow<E>[] {
  const ids = new Set(events.map((e) => e.id));
  const children = new Map<string, E[]>();
  const roots: E[] = [];
  for (const e of events) {
    const parent = e.parent_id;
    if (parent && ids.has(parent) && parent !== e.id) {
      const list = children.get(parent) ?? [];
      list.push(e);
      children.set(parent, list);
    } else {
      roots.push(e);
    }
  }
  const rows: TreeRow<E>[] = [];
  const placed = new Set<string>();
  const visit = (e: E, depth: number): void => {
    if (placed.has(e.id)) return;
    placed.add(e.id);
    rows.push({ event: e, depth });
    for (const child of children.get(e.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  // Events caught in a parent cycle have no root; show them flat rather than drop them.
  for (const e of events) visit(e, 0);
  return rows;
}
