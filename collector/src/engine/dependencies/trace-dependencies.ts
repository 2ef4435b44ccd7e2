import type { ServiceDependencies } from '../results.js';
import type { TraceView } from '../trace-view.js';
import type { ServiceCallRecord } from './service-calls.js';
import { serviceCalls } from './service-calls.js';

/**
 * Services of one trace with their event counts, and who calls whom (spec §3.4 `ServiceDependencies`),
 * in a stable order: services by name, dependencies by (from, to). Pass `calls` when already computed.
 */
export function traceDependencies(
  view: TraceView,
  calls: readonly ServiceCallRecord[] = serviceCalls(view),
): ServiceDependencies {
  const counts = new Map<string, number>();
  for (const event of view.events)
    counts.set(event.metadata.service_name, (counts.get(event.metadata.service_name) ?? 0) + 1);
  const pairs = new Map<string, { from: string; to: string; call_count: number }>();
  for (const call of calls) {
    const key = `${call.from}\u0000${call.to}`;
    const pair = pairs.get(key) ?? { from: call.from, to: call.to, call_count: 0 };
    pair.call_count++;
    pairs.set(key, pair);
  }
  return {
    trace_id: view.traceId,
    services: [...counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, event_count]) => ({ name, event_count })),
    // serviceCalls sorts by (from, to), so the pairs come out in that order.
    dependencies: [...pairs.values()],
  };
}
