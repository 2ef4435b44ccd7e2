import { stateChangeOf } from '../../model/event.js';
import { raceSeverity } from '../races/access-kind.js';
import type { GlobalAnalysis, GlobalRaceDetail } from '../results.js';
import type { CrossTracePair, GlobalSweep } from './global-sweep.js';

/**
 * Spec §3.4 `GlobalAnalysis`, with RFC 3339 `Z` timestamps instead of chrono Display (spec §10.3) and a
 * `truncated` flag: `potential_races` always counts every pair, `race_details` holds at most `limit`.
 */
export function globalAnalysisOf(
  sweep: GlobalSweep,
  totals: { traces: number; events: number },
  limit: number,
): GlobalAnalysis {
  const race_details = sweep.pairs.slice(0, limit).map(detailOf);
  const truncated = sweep.total > race_details.length;
  const anomalies =
    sweep.total === 0
      ? []
      : [
          `🌐 GLOBAL: Found ${sweep.total} pairs of concurrent events across all traces`,
          ...(truncated
            ? [`   Showing first ${race_details.length} race pairs (${sweep.total} total)`]
            : []),
        ];
  return {
    total_traces: totals.traces,
    total_events: totals.events,
    concurrent_events: sweep.total,
    potential_races: sweep.total,
    anomalies,
    race_details,
    truncated,
  };
}

function detailOf(pair: CrossTracePair): GlobalRaceDetail {
  const a = pair.first.event;
  const b = pair.second.event;
  const ca = stateChangeOf(a)!;
  const cb = stateChangeOf(b)!;
  const severity = raceSeverity(ca.access_type, cb.access_type);
  const th1 = a.metadata.thread_id;
  const th2 = b.metadata.thread_id;
  const description =
    severity === 'CRITICAL'
      ? `Cross-trace write-write race on ${pair.variable}. Trace ${pair.first.traceId.slice(0, 8)} (thread ${th1}) wrote ${JSON.stringify(ca.new_value ?? null)}, Trace ${pair.second.traceId.slice(0, 8)} (thread ${th2}) wrote ${JSON.stringify(cb.new_value ?? null)}`
      : `Cross-trace read-write race on ${pair.variable}. One thread read while another wrote across different traces.`;
  return {
    severity,
    variable: pair.variable,
    trace1_id: pair.first.traceId,
    trace2_id: pair.second.traceId,
    event1_id: a.id,
    event2_id: b.id,
    event1_thread: th1,
    event2_thread: th2,
    event1_location: ca.location,
    event2_location: cb.location,
    event1_timestamp: a.timestamp,
    event2_timestamp: b.timestamp,
    description,
  };
}
