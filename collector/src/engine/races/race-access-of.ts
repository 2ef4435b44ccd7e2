import type { RaceAccess } from '../results.js';
import type { TraceAnalysis } from './trace-analysis.js';

/** One side of a race, in full, for the side-by-side view. Index must be a StateChange. */
export function raceAccessOf(analysis: TraceAnalysis, i: number): RaceAccess {
  const event = analysis.events[i]!;
  const change = 'StateChange' in event.kind ? event.kind.StateChange : undefined;
  const { causality } = analysis;
  return {
    event_id: event.id,
    timestamp: event.timestamp,
    thread_id: event.metadata.thread_id,
    context: causality.contexts[causality.ctxOf[i]!]!,
    service_name: event.metadata.service_name,
    access_type: change?.access_type ?? 'Read',
    location: change?.location ?? '',
    old_value: change?.old_value ?? null,
    new_value: change?.new_value ?? null,
    locks_held: causality.locks[i]!.labels(),
    clock: causality.clockOf(i),
  };
}
