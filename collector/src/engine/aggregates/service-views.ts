import { formatTimeUs } from '../../model/time.js';
import type { ServiceHealth, ServiceSummary } from '../results.js';
import type { TraceSummary } from './trace-summary.js';

/** Every service seen in events, with event and trace counts and last activity, sorted by name. */
export function serviceSummaries(traces: Iterable<TraceSummary>): ServiceSummary[] {
  const services = new Map<string, { events: number; traces: number; lastUs: number }>();
  for (const trace of traces)
    for (const [name, activity] of trace.services) {
      const total = services.get(name) ?? { events: 0, traces: 0, lastUs: -Infinity };
      total.events += activity.events;
      total.traces++;
      total.lastUs = Math.max(total.lastUs, activity.lastUs);
      services.set(name, total);
    }
  return [...services]
    .sort(([a], [b]) => compare(a, b))
    .map(([name, total]) => ({
      name,
      event_count: total.events,
      trace_count: total.traces,
      last_activity: formatTimeUs(total.lastUs),
    }));
}

/**
 * Health of the services active in the window (spec §3.4): traces whose last event is at most
 * `windowMinutes` before `nowMs`; status by whole minutes since the service's last event: < 5 healthy,
 * < 30 warning, else critical. Sorted by name.
 */
export function serviceHealth(
  traces: Iterable<TraceSummary>,
  windowMinutes: number,
  nowMs: number,
): ServiceHealth[] {
  const sinceUs = (nowMs - windowMinutes * 60_000) * 1000;
  const services = new Map<string, { events: number; traces: number; lastUs: number }>();
  for (const trace of traces) {
    if (trace.lastUs < sinceUs) continue;
    for (const [name, activity] of trace.services) {
      const total = services.get(name) ?? { events: 0, traces: 0, lastUs: -Infinity };
      total.events += activity.events;
      total.traces++;
      total.lastUs = Math.max(total.lastUs, activity.lastUs);
      services.set(name, total);
    }
  }
  return [...services]
    .sort(([a], [b]) => compare(a, b))
    .map(([name, total]) => {
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
