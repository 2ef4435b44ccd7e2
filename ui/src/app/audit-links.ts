/**
 * The audit trail of `variable` in a trace, opened on its cross-trace sub-view: where a link from a race
 * between traces should land (spec §6.3 "Variables": the default when arriving from the Races page).
 */
export function crossTraceAuditPath(traceId: string, variable: string): string {
  return `/traces/${traceId}/variables?variable=${encodeURIComponent(variable)}&mode=cross-trace`;
}
