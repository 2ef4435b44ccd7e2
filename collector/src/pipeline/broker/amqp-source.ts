import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import { AmqpLink } from './amqp-link.js';
import type { BrokerConsumer } from './broker-consumer.js';
import type { BatchDelivery, BrokerSide } from './broker-side.js';

export interface AmqpSourceOptions {
  url: string;
  queue: string;
  /** Unacknowledged deliveries this replica holds at once. */
  prefetch: number;
  consumer: BrokerConsumer;
  logger: Logger;
  reconnectMs?: number;
}

/**
 * RabbitMQ's consume side: its own connection, `prefetch` deliveries at a time, each handed to the
 * {@link BrokerConsumer}. Consuming starts again on every reconnection; deliveries in hand when a
 * connection drops go back to the queue by themselves.
 */
export class AmqpSource implements BrokerSide {
  private readonly link: AmqpLink<Channel>;

  constructor(options: AmqpSourceOptions) {
    const { url, queue, prefetch, consumer, logger, reconnectMs } = options;
    this.link = new AmqpLink({
      url,
      logger,
      ...(reconnectMs === undefined ? {} : { reconnectMs }),
      open: (connection) => connection.createChannel(),
      setup: async (channel) => {
        await channel.assertQueue(queue, { durable: true });
        await channel.prefetch(prefetch);
        await consumeQueue(channel, queue, consumer);
      },
    });
  }

  get connected(): boolean {
    return this.link.channel !== undefined;
  }

  get error(): string | undefined {
    return this.link.error;
  }

  start(): Promise<void> {
    return this.link.start();
  }

  shutdown(): Promise<void> {
    return this.link.shutdown();
  }
}

async function consumeQueue(
  channel: Channel,
  queue: string,
  consumer: BrokerConsumer,
): Promise<void> {
  const { consumerTag } = await channel.consume(queue, (message) => {
    if (message === null) return; // cancelled by the broker (queue deleted); the link reconnects
    void consumer.handle(amqpDelivery(channel, message));
  });
  const forget = consumer.addIntake(async () => void (await channel.cancel(consumerTag)));
  channel.once('close', forget);
}

function amqpDelivery(channel: Channel, message: ConsumeMessage): BatchDelivery {
  return {
    body: message.content,
    redelivered: message.fields.redelivered,
    ack: () => channel.ack(message),
    requeue: () => channel.nack(message, false, true),
    // Without requeue it goes to the queue's dead-letter exchange when one is set (policy).
    reject: () => channel.nack(message, false, false),
  };
}
