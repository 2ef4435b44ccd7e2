import type { StoredEvent } from '../model/stored-event.js';
import type { EventIndex } from './event-index.js';
import { callEdges, type IndexEdge } from './call-edges.js';
import { compareEvents } from './event-order.js';
import { HeldLocks } from './held-locks.js';
import { lockModeOf } from './lock-mode.js';
import { LockSet } from './lock-set.js';
import { MinHeap } from './min-heap.js';
import { programOrder } from './program-order.js';
import { SparseClock } from './sparse-clock.js';

/**
 * Happens-before of one trace, computed from the set of its events (never from their arrival order):
 * contexts, direct edges, a vector clock per event and the locks each event's context held.
 */
export interface TraceCausality {
  readonly contexts: readonly string[];
  readonly ctxOf: Int32Array;
  /** 1-based position of each event in its context: its own clock entry. */
  readonly pos: Int32Array;
  /** Event indices in one canonical linear extension of HB (ties by timestamp, then id). */
  readonly order: Int32Array;
  /** Direct HB edges; HB is their transitive closure. */
  readonly edges: readonly IndexEdge[];
  readonly locks: readonly LockSet[];
  /** The clock of event `i` over the other contexts (sparse; its own entry is `pos[i]`). */
  foreignClock(i: number): SparseClock;
  /** Clock entry of event `i` for context `ctx`. */
  clockAt(i: number, ctx: number): number;
  /** True when event `a` happens before event `b` (strict): one componentwise compare. */
  happensBefore(a: number, b: number): boolean;
  /** The API form of an event's clock: `[[context, counter], ...]` sorted by context. */
  clockOf(i: number): Array<[string, number]>;
}

export function traceCausality(
  events: readonly StoredEvent[],
  idIndex: EventIndex,
  skewUs: number,
): TraceCausality {
  const po = programOrder(events, idIndex);
  const { contexts, ctxOf, pos, byContext } = po;
  const n = events.length;

  const cross: IndexEdge[] = [];
  events.forEach((event, i) => {
    const p = event.parent_id == null ? undefined : idIndex.get(event.parent_id);
    if (p !== undefined && p < n && ctxOf[p] !== ctxOf[i])
      cross.push({ from: p, to: i, type: 'spawn' });
  });
  cross.push(...callEdges(events, po, skewUs));

  // Cross edges by target and by source, as flat offset arrays (no per-event allocation).
  const inStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  for (const edge of cross) {
    inStart[edge.to + 1]! += 1;
    outStart[edge.from + 1]! += 1;
  }
  for (let i = 0; i < n; i++) {
    inStart[i + 1]! += inStart[i]!;
    outStart[i + 1]! += outStart[i]!;
  }
  const inEdges = new Int32Array(cross.length);
  const outEdges = new Int32Array(cross.length);
  const inFill = inStart.slice(0, n);
  const outFill = outStart.slice(0, n);
  cross.forEach((edge, e) => {
    inEdges[inFill[edge.to]!++] = e;
    outEdges[outFill[edge.from]!++] = e;
  });

  // Kahn's algorithm over program + cross edges, (timestamp, id) tie-break: a canonical HB order.
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = inStart[i + 1]! - inStart[i]! + (pos[i]! > 1 ? 1 : 0);
  const done = new Uint8Array(n);
  const dropped = new Uint8Array(cross.length);
  const clocks: SparseClock[] = new Array<SparseClock>(n);
  const order = new Int32Array(n);
  const heap = new MinHeap((a, b) => compareEvents(events[a]!, events[b]!));
  for (let i = 0; i < n; i++) if (indeg[i] === 0) heap.push(i);
  const processed = new Int32Array(contexts.length);
  const release = (i: number): void => {
    indeg[i] = indeg[i]! - 1;
    if (indeg[i] === 0) heap.push(i);
  };
  for (let k = 0; k < n; k++) {
    let i = heap.pop();
    if (i === undefined) i = breakCycle();
    done[i] = 1;
    order[k] = i;
    const c = ctxOf[i]!;
    const prev = pos[i]! > 1 ? byContext[c]![pos[i]! - 2]! : -1;
    const base = prev >= 0 ? clocks[prev]! : SparseClock.EMPTY;
    if (inStart[i + 1] === inStart[i]) clocks[i] = base;
    else {
      const parts = [];
      for (let j = inStart[i]!; j < inStart[i + 1]!; j++) {
        const e = inEdges[j]!;
        if (dropped[e] !== 0) continue;
        const f = cross[e]!.from;
        parts.push({ clock: clocks[f]!, ctx: ctxOf[f]!, pos: pos[f]! });
      }
      clocks[i] = SparseClock.join(base, parts, c);
    }
    processed[c] = pos[i]!;
    const next = byContext[c]![pos[i]!];
    if (next !== undefined) release(next);
    for (let j = outStart[i]!; j < outStart[i + 1]!; j++) {
      const e = outEdges[j]!;
      if (dropped[e] === 0) release(cross[e]!.to);
    }
  }

  /** Contradictory edges (bad clocks, parent cycles): free the earliest blocked context head. */
  function breakCycle(): number {
    let best = -1;
    byContext.forEach((list, c) => {
      const head = list[processed[c]!];
      if (head !== undefined && (best < 0 || compareEvents(events[head]!, events[best]!) < 0))
        best = head;
    });
    for (let k = inStart[best]!; k < inStart[best + 1]!; k++) {
      const e = inEdges[k]!;
      if (done[cross[e]!.from] === 0) dropped[e] = 1;
    }
    return best;
  }

  const interned = new Map<string, LockSet>([[LockSet.EMPTY.key, LockSet.EMPTY]]);
  const locks = new Array<LockSet>(n);
  for (const list of byContext) {
    const held = new HeldLocks(interned);
    for (const i of list) {
      const kind = events[i]!.kind;
      if ('LockAcquire' in kind)
        held.acquire(kind.LockAcquire.lock_id, lockModeOf(kind.LockAcquire.lock_type));
      else if ('LockRelease' in kind)
        held.release(kind.LockRelease.lock_id, lockModeOf(kind.LockRelease.lock_type));
      locks[i] = held.snapshot();
    }
  }

  return causalityOf({
    contexts,
    ctxOf,
    pos,
    order,
    byContext,
    cross: cross.filter((_, e) => dropped[e] === 0),
    locks,
    clocks,
  });
}

/** Builds the result in its own scope so the closures keep only what queries need (bytes per event). */
function causalityOf(parts: {
  contexts: string[];
  ctxOf: Int32Array;
  pos: Int32Array;
  order: Int32Array;
  byContext: Int32Array[];
  cross: IndexEdge[];
  locks: LockSet[];
  clocks: SparseClock[];
}): TraceCausality {
  const { contexts, ctxOf, pos, order, byContext, locks, clocks } = parts;
  // Edge order follows the canonical order, never the arrival order of the events.
  const rank = new Int32Array(order.length);
  order.forEach((i, k) => (rank[i] = k));
  const cross = [...parts.cross].sort(
    (a, b) => rank[a.to]! - rank[b.to]! || rank[a.from]! - rank[b.from]!,
  );
  const clockAt = (i: number, ctx: number): number =>
    ctxOf[i] === ctx ? pos[i]! : clocks[i]!.get(ctx);
  return {
    contexts,
    ctxOf,
    pos,
    order,
    get edges(): IndexEdge[] {
      const edges: IndexEdge[] = [];
      for (const list of byContext) {
        for (let k = 1; k < list.length; k++)
          edges.push({ from: list[k - 1]!, to: list[k]!, type: 'program' });
      }
      return [...edges, ...cross];
    },
    locks,
    clockAt,
    foreignClock: (i) => clocks[i]!,
    happensBefore: (a, b) => a !== b && clockAt(b, ctxOf[a]!) >= pos[a]!,
    clockOf(i) {
      const clock = clocks[i]!;
      const entries: Array<[string, number]> = [[contexts[ctxOf[i]!]!, pos[i]!]];
      clock.keys.forEach((k, j) => entries.push([contexts[k]!, clock.values[j]!]));
      return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    },
  };
}
