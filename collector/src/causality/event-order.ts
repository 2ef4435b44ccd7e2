import type { StoredEvent } from '../model/stored-event.js';

/**
 * Deterministic order of events by (`time_us`, `id`). Arrival order (`seq`) is deliberately not used, so
 * every result derived from it is independent of batching and arrival order.
 */
export function compareEvents(a: StoredEvent, b: StoredEvent): number {
  if (a.time_us !== b.time_us) return a.time_us - b.time_us;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
