import { compareEvents } from '../../causality/event-order.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { classesRace } from './class-pairs.js';
import type { VariableEntry } from './cross-trace-index.js';
import type { AccessClass } from './trace-footprint.js';

export interface CrossTracePair {
  variable: string;
  first: { traceId: string; event: StoredEvent };
  second: { traceId: string; event: StoredEvent };
}

export interface GlobalSweep {
  /** Racing cross-trace pairs, all counted. */
  total: number;
  perVariable: Map<string, number>;
  /** The first `limit` pairs in sweep order (variables by name, traces by window start). */
  pairs: CrossTracePair[];
}

/**
 * Counts every racing pair of accesses from different traces with overlapping windows, per variable, by
 * a sweep over window starts: each trace is paired with the traces still open, through per-class access
 * counts, so counting costs O(traces · classes²) and never enumerates pairs. Only the first `limit`
 * pairs are materialised.
 */
export function globalSweep(
  variables: ReadonlyMap<string, ReadonlyMap<string, VariableEntry>>,
  skewUs: number,
  limit: number,
): GlobalSweep {
  let total = 0;
  const perVariable = new Map<string, number>();
  const pairs: CrossTracePair[] = [];
  for (const variable of [...variables.keys()].sort()) {
    const entries = [...variables.get(variable)!.values()];
    if (entries.length < 2) continue;
    const byStart = entries.sort(
      (a, b) =>
        a.trace.start - b.trace.start ||
        (a.trace.traceId < b.trace.traceId ? -1 : a.trace.traceId > b.trace.traceId ? 1 : 0),
    );
    const byEnd = [...byStart].sort((a, b) => a.trace.end - b.trace.end);
    const open = new Map<string, { cls: AccessClass; count: number }>();
    const active = new Set<VariableEntry>();
    let closed = 0;
    let count = 0;
    for (const entry of byStart) {
      for (
        ;
        closed < byEnd.length && byEnd[closed]!.trace.end + skewUs < entry.trace.start;
        closed++
      ) {
        const gone = byEnd[closed]!;
        if (!active.delete(gone)) continue;
        for (const cls of gone.footprint.classes) {
          const slot = open.get(cls.key)!;
          slot.count -= cls.events.length;
        }
      }
      for (const cls of entry.footprint.classes) {
        for (const slot of open.values()) {
          if (slot.count > 0 && classesRace(cls, slot.cls)) count += cls.events.length * slot.count;
        }
      }
      if (pairs.length < limit) collectPairs(variable, entry, active, limit, pairs);
      active.add(entry);
      for (const cls of entry.footprint.classes) {
        const slot = open.get(cls.key);
        if (slot) slot.count += cls.events.length;
        else open.set(cls.key, { cls, count: cls.events.length });
      }
    }
    if (count > 0) perVariable.set(variable, count);
    total += count;
  }
  return { total, perVariable, pairs };
}

function collectPairs(
  variable: string,
  entry: VariableEntry,
  active: ReadonlySet<VariableEntry>,
  limit: number,
  pairs: CrossTracePair[],
): void {
  for (const other of active) {
    for (const a of other.footprint.classes) {
      for (const b of entry.footprint.classes) {
        if (!classesRace(a, b)) continue;
        for (const first of a.events) {
          for (const second of b.events) {
            if (pairs.length >= limit) return;
            const x = { traceId: other.trace.traceId, event: first };
            const y = { traceId: entry.trace.traceId, event: second };
            pairs.push(
              compareEvents(x.event, y.event) <= 0
                ? { variable, first: x, second: y }
                : { variable, first: y, second: x },
            );
          }
        }
      }
    }
  }
}
