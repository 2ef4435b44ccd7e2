import type { Logger } from 'pino';
import type { EventSink } from '../event-sink.js';
import type { Receiver } from '../pipeline.js';
import { BackpressureError, StorageError } from '../../errors/raceway-error.js';
import { decodeBatch } from './batch-message.js';
import type { BatchDelivery } from './broker-side.js';
import { Pauses } from './pauses.js';

export interface BrokerConsumerOptions {
  /** Where a consumed batch goes: the pipeline, which resolves once it is stored and analysed. */
  sinkFor(receiver: Receiver): EventSink;
  logger: Logger;
  /** Wait before handing a refused batch back to the broker (pipeline full, store away). */
  retryDelayMs: number;
}

/**
 * The consume side of queue mode, whatever the broker. Each delivery is handed to the pipeline and
 * acknowledged only after it was stored and analysed, so a crash or restart in between means redelivery
 * (at least once), and the store's idempotent event ids make that exactly once in effect. A batch
 * refused for now (backpressure, store away) is handed back after `retryDelayMs`, one refused for good is
 * rejected (no poison loop); meanwhile the broker's window (prefetch, pulls in flight) keeps more work
 * from piling up in this process.
 */
export class BrokerConsumer {
  private readonly handling = new Set<Promise<void>>();
  private readonly intakes = new Set<() => Promise<void>>();
  private stopping = false;
  private readonly pauses = new Pauses();
  consumed = 0;
  redelivered = 0;

  constructor(private readonly options: BrokerConsumerOptions) {}

  /** Whether `shutdown` was called: intakes take nothing more. */
  get stopped(): boolean {
    return this.stopping;
  }

  /**
   * Registers how a broker's intake stops taking deliveries (cancel a subscription, end pull loops),
   * run first on shutdown; the returned function unregisters it (the connection closed by itself).
   */
  addIntake(stop: () => Promise<void>): () => void {
    this.intakes.add(stop);
    return () => this.intakes.delete(stop);
  }

  /** Hands one delivery to the pipeline and settles it; resolves once settled, never rejects. */
  handle(delivery: BatchDelivery): Promise<void> {
    const work = this.process(delivery);
    this.handling.add(work);
    void work.finally(() => this.handling.delete(work));
    return work;
  }

  /**
   * Stops taking deliveries and waits for those in hand: stored ones are acknowledged, refused ones
   * handed back at once. Idempotent; unacknowledged deliveries go to the next consumer.
   */
  async shutdown(): Promise<void> {
    this.stopping = true;
    this.pauses.wakeAll();
    for (const stop of this.intakes) await stop().catch(() => undefined);
    this.intakes.clear();
    await Promise.allSettled([...this.handling]);
  }

  private async process(delivery: BatchDelivery): Promise<void> {
    const batch = decodeBatch(delivery.body);
    if (batch === undefined) {
      // Not ours and never will be: dropping it (or dead-lettering) is the only way not to loop on it.
      this.options.logger.error('dropping a message that is not a batch');
      settle(() => delivery.reject());
      return;
    }
    if (delivery.redelivered) this.redelivered++;
    try {
      await this.options.sinkFor(batch.receiver).submit(batch.events);
      this.consumed++;
      settle(() => delivery.ack());
    } catch (err) {
      if (!retryable(err)) {
        // Refused for good (bad data, a non-retryable store error): handing it back would loop forever.
        this.options.logger.error(
          { err, events: batch.events.length },
          'pipeline refused a brokered batch for good; rejecting it (dead-lettered where set up)',
        );
        settle(() => delivery.reject());
        return;
      }
      this.options.logger.warn({ err }, 'pipeline refused a brokered batch; handing it back');
      if (!this.stopping) await this.pauses.pause(this.options.retryDelayMs);
      settle(() => delivery.requeue());
    }
  }
}

/** Settling on a connection that has closed throws; the broker redelivers those anyway. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // the connection is gone: the delivery returns to the broker by itself
  }
}

/** Worth another try later: the pipeline was full or the store was away. */
function retryable(err: unknown): boolean {
  return err instanceof BackpressureError || (err instanceof StorageError && err.retryable);
}
