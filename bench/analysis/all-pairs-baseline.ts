import type { TraceCausality } from '../../collector/src/causality/trace-causality.js';
import { stateChangeOf } from '../../collector/src/model/event.js';
import type { StoredEvent } from '../../collector/src/model/stored-event.js';
import { conflicts } from '../../collector/src/engine/races/access-kind.js';

/**
 * The all-pairs method of the old server (spec §4.6) on our causality: every pair of accesses to one
 * variable, with an O(1)-ish vector-clock HB check. It counts the same pairs as the detector.
 */
export function allPairsRaceCount(
  events: readonly StoredEvent[],
  causality: TraceCausality,
): number {
  const byVariable = new Map<string, number[]>();
  events.forEach((event, i) => {
    if (!('StateChange' in event.kind)) return;
    const list = byVariable.get(event.kind.StateChange.variable);
    if (list) list.push(i);
    else byVariable.set(event.kind.StateChange.variable, [i]);
  });
  let count = 0;
  for (const list of byVariable.values()) {
    for (let x = 0; x < list.length; x++) {
      const a = list[x]!;
      const ta = stateChangeOf(events[a]!)!.access_type;
      for (let y = x + 1; y < list.length; y++) {
        const b = list[y]!;
        if (causality.ctxOf[a] === causality.ctxOf[b]) continue;
        const tb = stateChangeOf(events[b]!)!.access_type;
        if (!conflicts(ta, tb)) continue;
        if (causality.happensBefore(a, b) || causality.happensBefore(b, a)) continue;
        if (causality.locks[a]!.excludes(causality.locks[b]!)) continue;
        count += 1;
      }
    }
  }
  return count;
}
