import type { StoredEvent } from '../../model/stored-event.js';
import type { TraceView } from '../trace-view.js';

/** Kahn's algorithm over the direct edges, ties in view order; events left on a cycle come last. */
export function causalOrder(
  view: TraceView,
  predecessorsOf: ReadonlyMap<string, readonly string[]>,
): StoredEvent[] {
  const waiting = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const [to, preds] of predecessorsOf) {
    waiting.set(to, preds.length);
    for (const from of preds) {
      const next = successors.get(from);
      if (next) next.push(to);
      else successors.set(from, [to]);
    }
  }
  const byId = new Map(view.events.map((e) => [e.id, e]));
  const ready = view.events.filter((e) => !waiting.get(e.id)).reverse();
  const order: StoredEvent[] = [];
  const placed = new Set<string>();
  for (let event = ready.pop(); event; event = ready.pop()) {
    order.push(event);
    placed.add(event.id);
    const unlocked: StoredEvent[] = [];
    for (const next of successors.get(event.id) ?? []) {
      const left = (waiting.get(next) ?? 1) - 1;
      waiting.set(next, left);
      const successor = byId.get(next);
      if (left === 0 && successor) unlocked.push(successor);
    }
    ready.push(...unlocked.reverse());
  }
  if (order.length < view.events.length)
    for (const event of view.events) if (!placed.has(event.id)) order.push(event);
  return order;
}
