import { formatTimeUs } from '../../model/time.js';
import type { ServiceHealth } from '../results.js';
import { byName, serviceTotals } from './service-totals.js';
import type { TraceSummary } from './trace-summary.js';

/**
 * Health of the services active in the window (spec §3.4, memory rule, now the only rule): traces whose last
 * event is at most `windowMinutes` before `nowMs`; status by whole minutes since the service's last event:
 * < 5 healthy, < 30 warning, else critical. Sorted by name.
 */
export function serviceHealth(
  traces: Iterable<TraceSummary>,
  windowMinutes: number,
  nowMs: number,
): ServiceHealth[] {
  const sinceUs = (nowMs - windowMinutes * 60_000) * 1000;
  const inWindow = [...traces].filter((trace) => trace.lastUs >= sinceUs);
  return [...serviceTotals(inWindow)].sort(byName).map(([name, total]) => {
    const minutes = Math.max(0, Math.floor((nowMs - total.lastUs / 1000) / 60_000));
    return {
      name,
      status: minutes < 5 ? 'healthy' : minutes < 30 ? 'warning' : 'critical',
      trace_count: total.traces,
      last_activity: formatTimeUs(total.lastUs),
      avg_events_per_trace: Math.round((total.events / total.traces) * 100) / 100,
      minutes_since_last_activity: minutes,
    };
  });
}
