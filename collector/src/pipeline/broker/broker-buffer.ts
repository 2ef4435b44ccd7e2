import type { Channel, ConfirmChannel } from 'amqplib';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { BrokerConfig } from '../../config/raceway-config.js';
import type { EventSink } from '../event-sink.js';
import type { Receiver } from '../pipeline.js';
import { AmqpLink } from './amqp-link.js';
import { BrokerConsumer } from './broker-consumer.js';
import { registerBrokerMetrics } from './broker-metrics.js';
import { BrokeredSink } from './brokered-sink.js';

export interface BrokerBufferOptions {
  config: BrokerConfig & { url: string };
  /** The pipeline: consumed batches go there. */
  pipeline: { sinkFor(receiver: Receiver): EventSink };
  logger: Logger;
  retryAfterMs: number;
  maxMessageEvents: number;
  reconnectMs?: number;
  /** Where `raceway_broker_*` series go (the collector's `/metrics`). */
  registry?: Registry;
}

/** What `/health` says about queue mode. */
export interface BrokerStatus {
  mode: 'rabbitmq';
  queue: string;
  /** What a 200 from ingest means in this mode. */
  acknowledges: 'durable in the broker, not yet queryable';
  publisher_connected: boolean;
  consumer_connected: boolean;
  consumed_batches: number;
  redelivered_batches: number;
  last_error: string | null;
}

/**
 * Queue mode (`--queue rabbitmq`): receivers publish to a durable queue ({@link BrokeredSink}) and this
 * replica's {@link BrokerConsumer} feeds the pipeline at its own pace. Two connections, so a slow
 * consumer never holds up publisher confirms. Replicas sharing the queue share the work.
 */
export class BrokerBuffer {
  private readonly publishLink: AmqpLink<ConfirmChannel>;
  private readonly consumeLink: AmqpLink<Channel>;
  private readonly sink: BrokeredSink;
  private readonly consumer: BrokerConsumer;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: BrokerBufferOptions) {
    const { config, logger, reconnectMs } = options;
    const durable = { durable: true } as const;
    this.publishLink = new AmqpLink({
      url: config.url,
      logger,
      ...(reconnectMs === undefined ? {} : { reconnectMs }),
      open: (connection) => connection.createConfirmChannel(),
      setup: async (channel) => void (await channel.assertQueue(config.name, durable)),
    });
    this.consumer = new BrokerConsumer({
      sinkFor: (receiver) => options.pipeline.sinkFor(receiver),
      logger,
      retryDelayMs: options.retryAfterMs,
    });
    this.consumeLink = new AmqpLink({
      url: config.url,
      logger,
      ...(reconnectMs === undefined ? {} : { reconnectMs }),
      open: (connection) => connection.createChannel(),
      setup: async (channel) => {
        await channel.assertQueue(config.name, durable);
        await channel.prefetch(config.prefetch);
        await this.consumer.consume(channel, config.name);
      },
    });
    this.sink = new BrokeredSink({
      link: this.publishLink,
      queue: config.name,
      maxMessageEvents: options.maxMessageEvents,
      retryAfterMs: options.retryAfterMs,
    });
    if (options.registry !== undefined)
      registerBrokerMetrics(options.registry, () => this.status());
  }

  /** Connects both sides; fails with a clear error when the broker cannot be reached. */
  async start(): Promise<void> {
    await this.publishLink.start();
    await this.consumeLink.start();
  }

  /** The sink receivers hand their batches to. */
  sinkFor(receiver: Receiver): EventSink {
    return this.sink.sinkFor(receiver);
  }

  /** Stops publishing and consuming; batches in hand are acknowledged or returned. Idempotent. */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      await this.sink.shutdown();
      await this.publishLink.shutdown();
      await this.consumer.shutdown();
      await this.consumeLink.shutdown();
    })();
    return this.stopping;
  }

  status(): BrokerStatus {
    const error = this.publishLink.error ?? this.consumeLink.error;
    return {
      mode: 'rabbitmq',
      queue: this.options.config.name,
      acknowledges: 'durable in the broker, not yet queryable',
      publisher_connected: this.publishLink.channel !== undefined,
      consumer_connected: this.consumeLink.channel !== undefined,
      consumed_batches: this.consumer.consumed,
      redelivered_batches: this.consumer.redelivered,
      last_error: error ?? null,
    };
  }
}
