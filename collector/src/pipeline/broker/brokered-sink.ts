import type { ConfirmChannel } from 'amqplib';
import { BackpressureError } from '../../errors/raceway-error.js';
import type { RacewayEvent } from '../../model/event.js';
import type { EventSink, SubmitResult } from '../event-sink.js';
import type { Receiver } from '../pipeline.js';
import type { AmqpLink } from './amqp-link.js';
import { encodeBatch } from './batch-message.js';

export interface BrokeredSinkOptions {
  link: AmqpLink<ConfirmChannel>;
  queue: string;
  /** Events per broker message; a larger submit becomes several messages. */
  maxMessageEvents: number;
  retryAfterMs: number;
}

/**
 * The publish side of queue mode: an {@link EventSink} whose `submit` resolves once every event is
 * durably in the broker (persistent messages on a durable queue, confirmed by the broker), not yet
 * stored or analysed. While the broker is unreachable, or refuses a message, the submit rejects with
 * a 503 `BackpressureError`: the sender keeps the batch and retries, and event ids make the retry
 * harmless if part of it did get through.
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
    const { link, queue, maxMessageEvents, retryAfterMs } = this.options;
    const channel = link.channel;
    if (this.closed || channel === undefined) {
      const why = this.closed ? 'collector is shutting down' : 'message broker is unreachable';
      throw new BackpressureError(`${why}; retry later`, retryAfterMs, 503);
    }
    if (events.length === 0) return { inserted: 0, duplicates: 0 };
    const confirms: Promise<void>[] = [];
    for (let i = 0; i < events.length; i += maxMessageEvents) {
      const body = encodeBatch({ receiver, events: events.slice(i, i + maxMessageEvents) });
      confirms.push(
        new Promise<void>((resolve, reject) => {
          channel.sendToQueue(
            queue,
            body,
            { persistent: true, contentType: 'application/json' },
            (err: unknown) => (err == null ? resolve() : reject(toError(err))),
          );
        }),
      );
    }
    try {
      await Promise.all(confirms);
    } catch (err) {
      throw new BackpressureError(
        'message broker did not confirm the batch; retry later',
        retryAfterMs,
        503,
        {
          cause: err,
        },
      );
    }
    // "Inserted" here means accepted into the broker; duplicates are only known once stored.
    return { inserted: events.length, duplicates: 0 };
  }
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
