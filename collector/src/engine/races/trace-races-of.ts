import { compareEvents } from '../../causality/event-order.js';
import type { RaceDetail, RaceGroup, RaceSeverity, TraceRaces } from '../results.js';
import { raceAccessOf } from './race-access-of.js';
import { raceLines } from './race-lines.js';
import type { TraceAnalysis } from './trace-analysis.js';

/** Empty result for a trace without races (or an unknown trace). */
export const NO_TRACE_RACES: TraceRaces = {
  concurrent_events: 0,
  potential_races: 0,
  anomalies: raceLines([]),
  race_details: [],
  groups: [],
};

/**
 * Spec §3.4 race fields of one trace. Every group is listed with its exact count; `race_details` holds
 * its representative pairs (up to MAX_EXAMPLES_PER_GROUP each), so a small trace lists every pair like
 * the old server did, ordered by the earlier access's timestamp.
 */
export function traceRacesOf(analysis: TraceAnalysis): TraceRaces {
  const { events, races } = analysis;
  if (races.total === 0) return NO_TRACE_RACES;
  const details: Array<{ a: number; b: number; detail: RaceDetail }> = [];
  const groups: RaceGroup[] = races.groups.map((group) => {
    const examples = group.examples.map(([x, y]): [number, number] =>
      compareEvents(events[x]!, events[y]!) <= 0 ? [x, y] : [y, x],
    );
    for (const [a, b] of examples) {
      const first = raceAccessOf(analysis, a);
      const second = raceAccessOf(analysis, b);
      details.push({
        a,
        b,
        detail: {
          severity: group.severity,
          variable: group.variable,
          event1_id: first.event_id,
          event2_id: second.event_id,
          event1_thread: first.thread_id,
          event2_thread: second.thread_id,
          event1_location: first.location,
          event2_location: second.location,
          description: describe(group.severity, group.variable),
          group_count: group.count,
          first,
          second,
        },
      });
    }
    return {
      variable: group.variable,
      severity: group.severity,
      locations: group.sides,
      count: group.count,
      examples: examples.map(([a, b]) => ({ event1_id: events[a]!.id, event2_id: events[b]!.id })),
    };
  });
  details.sort(
    (x, y) =>
      compareEvents(events[x.a]!, events[y.a]!) || compareEvents(events[x.b]!, events[y.b]!),
  );
  groups.sort((x, y) =>
    x.variable < y.variable ? -1 : x.variable > y.variable ? 1 : y.count - x.count,
  );
  const race_details = details.map((d) => d.detail);
  return {
    concurrent_events: races.total,
    potential_races: races.total,
    anomalies: raceLines(race_details),
    race_details,
    groups,
  };
}

/** Spec §3.4 descriptions. */
function describe(severity: RaceSeverity, variable: string): string {
  switch (severity) {
    case 'CRITICAL':
      return `Write-Write race on ${variable}. Both threads modified the same variable without synchronization.`;
    case 'WARNING':
      return `Read-Write race on ${variable}. One thread read while another wrote.`;
    case 'INFO':
      return `Concurrent reads on ${variable}. Generally safe but indicates potential race.`;
  }
}
