import type { StoredEvent } from '../../model/stored-event.js';

/**
 * Rough heap footprint of a JSON-like value, for the `maxBytes` retention limit. Not exact (V8 shares
 * strings and packs small integers); it only has to grow in proportion to what is held, cheaply.
 */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + value.length * 2;
  if (typeof value !== 'object' || value === null) return 8;
  if (Array.isArray(value)) {
    let total = 32;
    // Index loops, not for-of: this runs on every stored event (hot path).
    for (let i = 0; i < value.length; i++) total += 8 + estimateBytes(value[i]);
    return total;
  }
  let total = 56;
  for (const key in value)
    total += 8 + key.length + estimateBytes((value as Record<string, unknown>)[key]);
  return total;
}

/** {@link estimateBytes} of a stored event, with its fixed-shape parts counted directly (hot path). */
export function estimateEventBytes(event: StoredEvent): number {
  const m = event.metadata;
  let chars =
    event.id.length +
    event.trace_id.length +
    (event.parent_id?.length ?? 0) +
    event.timestamp.length +
    m.thread_id.length +
    m.service_name.length +
    m.environment.length +
    (m.instance_id?.length ?? 0) +
    (m.distributed_span_id?.length ?? 0) +
    (m.upstream_span_id?.length ?? 0);
  const clock = event.causality_vector;
  for (let i = 0; i < clock.length; i++) chars += clock[i]![0].length + 24;
  const locks = event.lock_set;
  for (let i = 0; i < locks.length; i++) chars += locks[i]!.length + 8;
  // Two objects of ~10 fields each, their numbers and string headers.
  return 480 + chars * 2 + estimateBytes(m.tags) + estimateBytes(event.kind);
}
