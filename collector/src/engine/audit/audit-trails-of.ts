import type { TraceAnalysis } from '../races/trace-analysis.js';
import type { VariableAccess } from '../results.js';
import { MAX_RACE_PARTNERS, racePartnersOf } from './race-partners-of.js';

/**
 * Audit trail per variable (spec §4.9, DESIGN "Analyses"): every access in causal order (the canonical
 * HB linear extension, ties by timestamp), whether the previous access happens before it, and whether it
 * races with any earlier access — not only the previous one, as the old server did — and with which
 * accesses, earlier or later (at most MAX_RACE_PARTNERS ids, with the exact count).
 */
export function auditTrailsOf(
  analysis: TraceAnalysis,
  /** Only this variable's trail. */
  only?: string,
): Record<string, VariableAccess[]> {
  const { events, causality, races } = analysis;
  // No prototype: a variable may be named `constructor` or `__proto__`, and a lookup of one the trace
  // never touched must find nothing rather than Object's own members.
  const trails = Object.create(null) as Record<string, VariableAccess[]>;
  const previous = new Map<string, number>();
  const partners = racePartnersOf(events, causality, MAX_RACE_PARTNERS, only);
  for (const i of causality.order) {
    const event = events[i]!;
    if (!('StateChange' in event.kind)) continue;
    const change = event.kind.StateChange;
    if (only !== undefined && change.variable !== only) continue;
    const prev = previous.get(change.variable);
    previous.set(change.variable, i);
    (trails[change.variable] ??= []).push({
      event_id: event.id,
      timestamp: event.timestamp,
      thread_id: event.metadata.thread_id,
      context: causality.contexts[causality.ctxOf[i]!]!,
      service_name: event.metadata.service_name,
      access_type: change.access_type,
      old_value: change.old_value ?? null,
      new_value: change.new_value ?? null,
      location: change.location,
      has_causal_link_to_previous: prev === undefined || causality.happensBefore(prev, i),
      is_race: races.racesEarlier[i] === 1,
      race_partners: partners.listed.get(i)!.map((p) => events[p]!.id),
      race_partner_count: partners.counts.get(i)!,
      locks_held: causality.locks[i]!.labels(),
    });
  }
  return trails;
}
