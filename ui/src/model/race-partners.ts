import type { FullTraceAnalysis, VariableAccess } from '../api/types';

/**
 * Events of the trace that race with at least one other access, from the audit trails (every racing
 * access, where the races' example pairs name only up to 10 pairs per group).
 */
export function racingEventIds(trace: FullTraceAnalysis): Set<string> {
  const ids = new Set<string>();
  for (const accesses of Object.values(trace.audit_trails))
    for (const access of accesses) if (access.race_partner_count > 0) ids.add(access.event_id);
  return ids;
}

export interface EventRaces {
  variable: string;
  /** Position of the event in its variable's audit trail (the audit view's `access`). */
  index: number;
  /** The racing accesses the collector listed, in trail order, with their trail positions. */
  partners: Array<{ index: number; access: VariableAccess }>;
  /** Partners counted but not listed (beyond the collector's cap per access). */
  unlisted: number;
}

/** The racing partners of one event, when it is an access with any; undefined otherwise. */
export function eventRaces(trace: FullTraceAnalysis, eventId: string): EventRaces | undefined {
  for (const [variable, accesses] of Object.entries(trace.audit_trails)) {
    const index = accesses.findIndex((a) => a.event_id === eventId);
    if (index < 0) continue;
    const access = accesses[index]!;
    if (access.race_partner_count === 0) return undefined;
    const listed = new Set(access.race_partners);
    const partners = accesses.flatMap((a, i) =>
      listed.has(a.event_id) ? [{ index: i, access: a }] : [],
    );
    return { variable, index, partners, unlisted: access.race_partner_count - partners.length };
  }
  return undefined;
}
