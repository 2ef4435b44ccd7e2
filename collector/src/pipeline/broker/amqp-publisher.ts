import type { ConfirmChannel } from 'amqplib';
import type { Logger } from 'pino';
import { AmqpLink } from './amqp-link.js';
import type { BatchPublisher, OutgoingBatch } from './broker-side.js';

export interface AmqpPublisherOptions {
  url: string;
  /** Durable queue the batches wait in (declared on every connection). */
  queue: string;
  logger: Logger;
  reconnectMs?: number;
}

/**
 * RabbitMQ's publish side: persistent messages on a durable queue over a confirm channel, so `publish`
 * resolves once the broker has the message on disk.
 */
export class AmqpPublisher implements BatchPublisher {
  private readonly link: AmqpLink<ConfirmChannel>;

  constructor(private readonly options: AmqpPublisherOptions) {
    const { url, queue, logger, reconnectMs } = options;
    this.link = new AmqpLink({
      url,
      logger,
      ...(reconnectMs === undefined ? {} : { reconnectMs }),
      open: (connection) => connection.createConfirmChannel(),
      setup: async (channel) => void (await channel.assertQueue(queue, { durable: true })),
    });
  }

  get connected(): boolean {
    return this.link.channel !== undefined;
  }

  get error(): string | undefined {
    return this.link.error;
  }

  /** RabbitMQ takes messages far larger than an ingest body (128 MiB by default). */
  readonly maxMessageBytes = undefined;

  start(): Promise<void> {
    return this.link.start();
  }

  shutdown(): Promise<void> {
    return this.link.shutdown();
  }

  publish({ id, body }: OutgoingBatch): Promise<void> {
    const channel = this.link.channel;
    if (channel === undefined) return Promise.reject(new Error('message broker is unreachable'));
    return new Promise<void>((resolve, reject) => {
      channel.sendToQueue(
        this.options.queue,
        body,
        { persistent: true, contentType: 'application/json', messageId: id },
        (err: unknown) => (err == null ? resolve() : reject(toError(err))),
      );
    });
  }
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
