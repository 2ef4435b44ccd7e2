import type { StoredEvent } from '../model/stored-event.js';
import { componentOf } from './execution-context.js';
import type { ProgramOrder } from './program-order.js';

/** A cross-context edge between event indices of one trace. */
export interface IndexEdge {
  from: number;
  to: number;
  type: 'program' | 'spawn' | 'call' | 'return';
}

/**
 * Call and return edges between services of one trace (DESIGN "Causality" (3) and (4)).
 *
 * Clock rule: an event carrying a foreign component `K = svc#inst` with value v, in a span adjacent to a
 * span of K's events (K's span is its upstream: a call; K's span is called by it: a return), happens
 * after K's events in that span whose own value of K is ≤ v. Python shares one `svc#inst` counter between
 * all contexts of an instance, so the value only places the edge inside the linked span, never across
 * the whole instance.
 *
 * Time rule, when a callee context carries no clock from its caller (the old TS SDK sends none): the
 * caller-span events stamped before the callee's first event minus `skewUs` happen before the callee.
 * Returns mirror it when no clock came back (no old SDK returns one): the caller-span events stamped
 * after the callee's last event plus `skewUs` happen after the callee, because the caller was waiting
 * for the answer. `skewUs` is the tolerance for clocks of the two services (small: calls take ms).
 */
export function callEdges(
  events: readonly StoredEvent[],
  order: ProgramOrder,
  skewUs: number,
): IndexEdge[] {
  const { ctxOf, pos, byContext } = order;
  const comps = events.map(componentOf);
  // span → its events per context, in program order
  const spans = new Map<string, Map<number, number[]>>();
  const calleeSpans = new Map<string, Set<string>>();
  for (const ctxEvents of byContext) {
    for (const i of ctxEvents) {
      const { distributed_span_id: span, upstream_span_id: upstream } = events[i]!.metadata;
      if (span == null) continue;
      let perCtx = spans.get(span);
      if (!perCtx) spans.set(span, (perCtx = new Map<number, number[]>()));
      const list = perCtx.get(ctxOf[i]!);
      if (list) list.push(i);
      else perCtx.set(ctxOf[i]!, [i]);
      if (upstream != null && upstream !== span) {
        const set = calleeSpans.get(upstream);
        if (set) set.add(span);
        else calleeSpans.set(upstream, new Set([span]));
      }
    }
  }
  const ownValue = (i: number): number | undefined =>
    events[i]!.causality_vector.find(([k]) => k === comps[i])?.[1];

  const edges: IndexEdge[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number, type: IndexEdge['type']): void => {
    const key = `${from}>${to}`;
    if (ctxOf[from] === ctxOf[to] || seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, type });
  };
  /** Latest event (program order) of component `comp` per context of `span` with own value ≤ v. */
  const sourcesIn = (span: string, comp: string, v: number, to: number): number[] => {
    const found: number[] = [];
    for (const [ctx, list] of spans.get(span) ?? []) {
      if (ctx === ctxOf[to] || comps[list[0]!] !== comp) continue;
      // SDK counters only grow along a context, so the values are sorted: binary search.
      let lo = 0;
      let hi = list.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const value = ownValue(list[mid]!);
        if (value !== undefined && value <= v) {
          best = mid;
          lo = mid + 1;
        } else if (value === undefined) lo = mid + 1;
        else hi = mid - 1;
      }
      if (best >= 0) found.push(list[best]!);
    }
    return found;
  };

  const clockLinked = new Set<string>(); // `${ctx}/${upstream}` got a call edge from its clock
  const clockReturned = new Set<string>(); // `${callee ctx}/${caller span}` got a return edge from a clock
  byContext.forEach((ctxEvents, ctx) => {
    const lastSeen = new Map<string, number>();
    for (const i of ctxEvents) {
      const { distributed_span_id: span, upstream_span_id: upstream } = events[i]!.metadata;
      for (const [comp, v] of events[i]!.causality_vector) {
        if (comp === comps[i] || v <= (lastSeen.get(comp) ?? -Infinity)) continue;
        lastSeen.set(comp, v);
        if (upstream != null) {
          const from = sourcesIn(upstream, comp, v, i);
          from.forEach((f) => add(f, i, 'call'));
          if (from.length > 0) clockLinked.add(`${ctx}/${upstream}`);
        }
        if (span != null) {
          for (const callee of calleeSpans.get(span) ?? []) {
            for (const f of sourcesIn(callee, comp, v, i)) {
              add(f, i, 'return');
              clockReturned.add(`${ctxOf[f]}/${span}`);
            }
          }
        }
      }
    }
  });

  // Time rules, per callee context and caller span: its first event follows the caller-span events
  // stamped before it (call), its last event precedes those stamped after it (return).
  byContext.forEach((ctxEvents, ctx) => {
    const served = new Map<
      string,
      { first: number; minTime: number; last: number; maxTime: number }
    >();
    for (const i of ctxEvents) {
      const upstream = events[i]!.metadata.upstream_span_id;
      if (upstream == null) continue;
      const time = events[i]!.time_us;
      const entry = served.get(upstream);
      if (!entry) served.set(upstream, { first: i, minTime: time, last: i, maxTime: time });
      else {
        entry.last = i; // ctxEvents is in program order
        entry.minTime = Math.min(entry.minTime, time);
        entry.maxTime = Math.max(entry.maxTime, time);
      }
    }
    for (const [upstream, { first, minTime, last, maxTime }] of served) {
      const call = !clockLinked.has(`${ctx}/${upstream}`);
      const ret = !clockReturned.has(`${ctx}/${upstream}`);
      for (const [callerCtx, list] of spans.get(upstream) ?? []) {
        if (callerCtx === ctx) continue;
        let before = -1; // latest caller position stamped before the callee began
        let after = Infinity; // earliest caller position stamped after the callee ended
        for (const j of list) {
          const t = events[j]!.time_us;
          if (call && t < minTime - skewUs && pos[j]! > before) before = pos[j]!;
          if (ret && t > maxTime + skewUs && pos[j]! < after) after = pos[j]!;
        }
        if (before > 0) add(byContext[callerCtx]![before - 1]!, first, 'call');
        if (after !== Infinity) add(last, byContext[callerCtx]![after - 1]!, 'return');
      }
    }
  });
  return edges;
}
