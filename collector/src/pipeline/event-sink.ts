import type { RacewayEvent } from '../model/event.js';

/** An event the sink can never take (no retry would help), while it kept the rest of the batch. */
export interface RefusedEvent {
  id: string;
  reason: string;
}

/** Result of handing a batch of already validated events to the pipeline. */
export interface SubmitResult {
  /** Events stored for the first time. */
  inserted: number;
  /** Events whose id was already stored (idempotent re-sends). */
  duplicates: number;
  /**
   * Events refused for good, one by one, the others being accepted (queue mode: an event larger than
   * the broker takes). Receivers report them like events that failed validation.
   */
  refused?: RefusedEvent[];
}

/**
 * What receivers (native `/events`, OTLP) hand validated events to. The promise resolves once the events
 * are stored and analysed, so a 200 sent after it means "queryable now". It rejects with a
 * `BackpressureError` (carrying `retryAfterMs`) when the pipeline is full, having accepted nothing of
 * that batch, or with a `StorageError` when the store failed.
 */
export interface EventSink {
  submit(events: readonly RacewayEvent[]): Promise<SubmitResult>;
}
