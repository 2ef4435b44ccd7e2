import { formatTimeUs } from '../../model/time.js';
import type { ServiceSummary } from '../results.js';
import { byName, serviceTotals } from './service-totals.js';
import type { TraceSummary } from './trace-summary.js';

/**
 * Every service seen in events (spec §10.2.1: not only those with spans), with event and trace counts and
 * last activity, sorted by name.
 */
export function serviceSummaries(traces: Iterable<TraceSummary>): ServiceSummary[] {
  return [...serviceTotals(traces)].sort(byName).map(([name, total]) => ({
    name,
    event_count: total.events,
    trace_count: total.traces,
    last_activity: formatTimeUs(total.lastUs),
  }));
}
