import type { StoredEvent } from '../model/stored-event.js';
import type { EventIndex } from './event-index.js';
import { compareEvents } from './event-order.js';
import { contextIdOf } from './execution-context.js';
import { MinHeap } from './min-heap.js';

/** Events of one trace split into execution contexts, each in program order. */
export interface ProgramOrder {
  /** Context ids, sorted (so indices do not depend on arrival order). */
  contexts: string[];
  /** Event index → context index. */
  ctxOf: Int32Array;
  /** Event index → 1-based position in its context's program order (its own clock entry). */
  pos: Int32Array;
  /** Context index → event indices in program order. */
  byContext: Int32Array[];
}

/**
 * Program order inside each context: the `parent_id` chain where the SDK chains events (the TS SDK stamps
 * about one child in ten before its parent, so timestamps cannot be trusted here), and events that share
 * a parent — or have none in this context — by (timestamp, id) (spec §9 S2). Kahn's algorithm with a
 * (timestamp, id) heap gives one total order that satisfies both.
 */
export function programOrder(events: readonly StoredEvent[], idIndex: EventIndex): ProgramOrder {
  const ids = events.map(contextIdOf);
  const contexts = [...new Set(ids)].sort();
  const ctxIndex = new Map(contexts.map((c, i) => [c, i]));
  const ctxOf = Int32Array.from(ids, (c) => ctxIndex.get(c) ?? 0);
  // In-context children as linked lists in flat arrays (no per-event allocation).
  const n = events.length;
  const firstChild = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  const firstRoot = new Int32Array(contexts.length).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const parentId = events[i]!.parent_id;
    const p = parentId == null ? undefined : idIndex.get(parentId);
    if (p !== undefined && p !== i && p < n && ctxOf[p] === ctxOf[i]) {
      nextSibling[i] = firstChild[p]!;
      firstChild[p] = i;
    } else {
      nextSibling[i] = firstRoot[ctxOf[i]!]!;
      firstRoot[ctxOf[i]!] = i;
    }
  }
  const pos = new Int32Array(n);
  const compare = (a: number, b: number): number => compareEvents(events[a]!, events[b]!);
  const byContext = contexts.map((_, c) => {
    const heap = new MinHeap(compare);
    for (let r = firstRoot[c]!; r >= 0; r = nextSibling[r]!) heap.push(r);
    const order: number[] = [];
    for (let i = heap.pop(); i !== undefined; i = heap.pop()) {
      order.push(i);
      pos[i] = order.length;
      for (let k = firstChild[i]!; k >= 0; k = nextSibling[k]!) heap.push(k);
    }
    return Int32Array.from(order);
  });
  // A parent_id cycle inside one context leaves its members unreached: append them by (timestamp, id).
  const missing = events.map((_, i) => i).filter((i) => pos[i] === 0);
  if (missing.length > 0) {
    missing.sort((a, b) => compareEvents(events[a]!, events[b]!));
    for (const i of missing) {
      const c = ctxOf[i]!;
      const list = [...byContext[c]!, i];
      byContext[c] = Int32Array.from(list);
      pos[i] = list.length;
    }
  }
  return { contexts, ctxOf, pos, byContext };
}
