import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import type { EventSink } from '../event-sink.js';
import type { Receiver } from '../pipeline.js';
import { BackpressureError, StorageError } from '../../errors/raceway-error.js';
import { decodeBatch } from './batch-message.js';

export interface BrokerConsumerOptions {
  /** Where a consumed batch goes: the pipeline, which resolves once it is stored and analysed. */
  sinkFor(receiver: Receiver): EventSink;
  logger: Logger;
  /** Wait before handing a refused batch back to the broker (pipeline full, store away). */
  retryDelayMs: number;
}

/**
 * The consume side of queue mode. Attach it to a channel (`consume`); each delivery is handed to the
 * pipeline and acknowledged only after it was stored and analysed, so a crash or restart in between
 * means redelivery (at least once), and the store's idempotent event ids make that exactly once in
 * effect. A batch refused for now (backpressure, store away) is returned to the queue (`nack`, requeue) after
 * `retryDelayMs`, one refused for good is rejected without requeue (no poison loop); the prefetch
 * window keeps more work from piling up in this process meanwhile.
 */
export class BrokerConsumer {
  private readonly handling = new Set<Promise<void>>();
  private readonly tags = new Map<Channel, string>();
  private stopping = false;
  private readonly wakers = new Set<() => void>();
  consumed = 0;
  redelivered = 0;

  constructor(private readonly options: BrokerConsumerOptions) {}

  /** Starts consuming `queue` on `channel` (called on every (re)connection). */
  async consume(channel: Channel, queue: string): Promise<void> {
    const { consumerTag } = await channel.consume(queue, (message) => {
      if (message === null) return; // cancelled by the broker (queue deleted); the link reconnects
      const work = this.handle(channel, message);
      this.handling.add(work);
      void work.finally(() => this.handling.delete(work));
    });
    this.tags.set(channel, consumerTag);
    channel.once('close', () => this.tags.delete(channel));
  }

  /**
   * Stops taking deliveries and waits for those in hand: stored ones are acknowledged, refused ones
   * returned to the queue at once. Idempotent; unacknowledged deliveries go to the next consumer.
   */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakers) wake();
    for (const [channel, tag] of this.tags) await channel.cancel(tag).catch(() => undefined);
    this.tags.clear();
    await Promise.allSettled([...this.handling]);
  }

  private async handle(channel: Channel, message: ConsumeMessage): Promise<void> {
    const batch = decodeBatch(message.content);
    if (batch === undefined) {
      // Not ours and never will be: dropping it (or dead-lettering, if the queue has a DLX) is the
      // only way not to loop on it.
      this.options.logger.error(
        { queue: message.fields.routingKey },
        'dropping a message that is not a batch',
      );
      settle(() => channel.nack(message, false, false));
      return;
    }
    if (message.fields.redelivered) this.redelivered++;
    try {
      await this.options.sinkFor(batch.receiver).submit(batch.events);
      this.consumed++;
      settle(() => channel.ack(message));
    } catch (err) {
      if (!retryable(err)) {
        // Refused for good (bad data, a non-retryable store error): requeueing would loop on it forever.
        // Rejected without requeue it goes to the queue's dead-letter exchange when one is set (policy).
        this.options.logger.error(
          { err, events: batch.events.length },
          'pipeline refused a brokered batch for good; rejecting it (dead-lettered if the queue has a DLX)',
        );
        settle(() => channel.nack(message, false, false));
        return;
      }
      this.options.logger.warn(
        { err },
        'pipeline refused a brokered batch; returning it to the queue',
      );
      if (!this.stopping) await this.pause();
      settle(() => channel.nack(message, false, true));
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.options.retryDelayMs);
      this.wakers.add(wake);
    });
  }
}

/** Acks/nacks on a channel that has closed throw; the broker redelivers those anyway. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // the channel is gone: the delivery returns to the queue by itself
  }
}

/** Worth another try later: the pipeline was full or the store was away. */
function retryable(err: unknown): boolean {
  return err instanceof BackpressureError || (err instanceof StorageError && err.retryable);
}
