import { BackpressureError } from '../../errors/raceway-error.js';
import type { RacewayEvent } from '../../model/event.js';
import type { EventSink, RefusedEvent, SubmitResult } from '../event-sink.js';
import type { Receiver } from '../pipeline.js';
import { batchMessageId, encodeToFit } from './batch-message.js';
import type { EncodedBatch } from './batch-message.js';
import type { BatchPublisher } from './broker-side.js';

export interface BrokeredSinkOptions {
  publisher: BatchPublisher;
  /** Events per broker message; a larger submit becomes several messages (smaller where the broker needs). */
  maxMessageEvents: number;
  retryAfterMs: number;
}

/**
 * The publish side of queue mode: an {@link EventSink} whose `submit` resolves once every event is
 * durably in the broker (confirmed by it), not yet stored or analysed. While the broker is unreachable,
 * or refuses a message, the submit rejects with a 503 `BackpressureError`: the sender keeps the batch and
 * retries, and message and event ids make the retry harmless if part of it did get through. An event
 * too large for the broker by itself is refused alone (`refused`), the rest of the batch being taken.
 */
export class BrokeredSink {
  private inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly options: BrokeredSinkOptions) {}

  sinkFor(receiver: Receiver): EventSink {
    return { submit: (events) => this.submit(events, receiver) };
  }

  /** Stops accepting and waits for the publishes in progress to be confirmed. Idempotent. */
  async shutdown(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }

  private submit(events: readonly RacewayEvent[], receiver: Receiver): Promise<SubmitResult> {
    const work = this.publish(events, receiver);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private async publish(
    events: readonly RacewayEvent[],
    receiver: Receiver,
  ): Promise<SubmitResult> {
    const { publisher, maxMessageEvents, retryAfterMs } = this.options;
    if (this.closed || !publisher.connected) {
      const why = this.closed ? 'collector is shutting down' : 'message broker is unreachable';
      throw new BackpressureError(`${why}; retry later`, retryAfterMs, 503);
    }
    if (events.length === 0) return { inserted: 0, duplicates: 0 };
    const messages: EncodedBatch[] = [];
    const refused: RefusedEvent[] = [];
    for (let i = 0; i < events.length; i += maxMessageEvents) {
      const batch = { receiver, events: events.slice(i, i + maxMessageEvents) };
      const fitted = encodeToFit(batch, publisher.maxMessageBytes);
      messages.push(...fitted.messages);
      refused.push(...fitted.refused);
    }
    const confirms = messages.map(({ batch, body }) =>
      publisher.publish({ id: batchMessageId(batch), body }),
    );
    // Every publish settles before answering, so none is still in flight once the sender retries.
    const outcomes = await Promise.allSettled(confirms);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed !== undefined)
      throw new BackpressureError(
        'message broker did not confirm the batch; retry later',
        retryAfterMs,
        503,
        { cause: failed.reason },
      );
    // "Inserted" here means accepted into the broker; duplicates are only known once stored.
    const inserted = events.length - refused.length;
    return refused.length === 0
      ? { inserted, duplicates: 0 }
      : { inserted, duplicates: 0, refused };
  }
}
