import type { TraceSummary } from './trace-summary.js';

export interface ServiceTotal {
  events: number;
  traces: number;
  lastUs: number;
}

/** Events, traces and last activity per service over the given traces. */
export function serviceTotals(traces: Iterable<TraceSummary>): Map<string, ServiceTotal> {
  const services = new Map<string, ServiceTotal>();
  for (const trace of traces)
    for (const [name, activity] of trace.services) {
      const total = services.get(name) ?? { events: 0, traces: 0, lastUs: -Infinity };
      total.events += activity.events;
      total.traces++;
      total.lastUs = Math.max(total.lastUs, activity.lastUs);
      services.set(name, total);
    }
  return services;
}

/** Service names in a stable order. */
export function byName<T>([a]: [string, T], [b]: [string, T]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
