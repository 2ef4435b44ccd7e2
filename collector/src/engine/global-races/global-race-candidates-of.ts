import { ACCESS_TYPES, type AccessType } from '../../model/event.js';
import { isWriteAccess } from '../races/access-kind.js';
import type { GlobalRaceCandidate, RaceSeverity } from '../results.js';
import type { VariableEntry } from './cross-trace-index.js';

/**
 * Spec §4.8: variables shared by several traces or threads, with the old aggregation severity (a mixed
 * read/write variable is WARNING, spec §9 S6), plus `confirmed_races`, the cross-trace pairs that pass
 * the HB + lock + time-window rule. Sorted by trace count, then access count, then name.
 */
export function globalRaceCandidatesOf(
  variables: ReadonlyMap<string, ReadonlyMap<string, VariableEntry>>,
  confirmed: ReadonlyMap<string, number>,
): GlobalRaceCandidate[] {
  const candidates: GlobalRaceCandidate[] = [];
  for (const [variable, entries] of variables) {
    const threads = new Set<string>();
    const types = new Set<AccessType>();
    let accessCount = 0;
    for (const { footprint } of entries.values()) {
      footprint.threads.forEach((t) => threads.add(t));
      footprint.classes.forEach((c) => types.add(c.type));
      accessCount += footprint.accessCount;
    }
    if (entries.size < 2 && threads.size < 2) continue;
    const access_types = ACCESS_TYPES.filter((t) => types.has(t));
    candidates.push({
      variable,
      trace_count: entries.size,
      access_count: accessCount,
      access_types,
      thread_count: threads.size,
      severity: severityOf(access_types, threads.size),
      trace_ids: [...entries.keys()].sort(),
      confirmed_races: confirmed.get(variable) ?? 0,
    });
  }
  return candidates.sort(
    (a, b) =>
      b.trace_count - a.trace_count ||
      b.access_count - a.access_count ||
      (a.variable < b.variable ? -1 : a.variable > b.variable ? 1 : 0),
  );
}

function severityOf(types: readonly AccessType[], threadCount: number): RaceSeverity {
  const writes = types.some(isWriteAccess);
  const reads = types.some((t) => !isWriteAccess(t));
  if (writes && reads) return 'WARNING';
  if (writes) return threadCount > 1 ? 'CRITICAL' : 'WARNING';
  return 'INFO';
}
