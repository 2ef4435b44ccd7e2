import type { RacewayEvent } from '../model/event.js';

/**
 * The SDK clock component of an event's service instance, `service#instance` (spec §2.1). Python, Go and
 * Rust SDKs key their `causality_vector` entries with it.
 */
export function componentOf(event: RacewayEvent): string {
  return `${event.metadata.service_name}#${event.metadata.instance_id ?? ''}`;
}

/**
 * Execution-context id `trace_id/service#instance/thread_id`: one sequential strand of one trace. Contexts
 * are per trace, so lock state and program order never leak between traces (spec §10.1.7).
 */
export function contextIdOf(event: RacewayEvent): string {
  return `${event.trace_id}/${componentOf(event)}/${event.metadata.thread_id}`;
}
