import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { BrokerConfig } from '../../config/raceway-config.js';
import type { EventSink } from '../event-sink.js';
import type { Receiver } from '../pipeline.js';
import { BrokerConsumer } from './broker-consumer.js';
import { registerBrokerMetrics } from './broker-metrics.js';
import { brokerSides } from './broker-sides.js';
import type { BrokerSides } from './broker-sides.js';
import { BrokeredSink } from './brokered-sink.js';

export interface BrokerBufferOptions {
  config: BrokerConfig & { kind: 'rabbitmq' | 'nats'; url: string };
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
  mode: 'rabbitmq' | 'nats';
  /** The RabbitMQ queue, or the NATS subject. */
  queue: string;
  /** NATS only: the stream and durable consumer. */
  stream?: string;
  consumer?: string;
  /** What a 200 from ingest means in this mode. */
  acknowledges: 'durable in the broker, not yet queryable';
  publisher_connected: boolean;
  consumer_connected: boolean;
  consumed_batches: number;
  redelivered_batches: number;
  last_error: string | null;
}

/**
 * Queue mode (`--queue rabbitmq|nats`): receivers publish to the broker ({@link BrokeredSink}) and this
 * replica's {@link BrokerConsumer} feeds the pipeline at its own pace. Two connections, so a slow
 * consumer never holds up publish acknowledgements. Replicas sharing the queue share the work.
 */
export class BrokerBuffer {
  private readonly sides: BrokerSides;
  private readonly sink: BrokeredSink;
  private readonly consumer: BrokerConsumer;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: BrokerBufferOptions) {
    const { config, logger, reconnectMs } = options;
    this.consumer = new BrokerConsumer({
      sinkFor: (receiver) => options.pipeline.sinkFor(receiver),
      logger,
      retryDelayMs: options.retryAfterMs,
    });
    this.sides = brokerSides({
      config,
      consumer: this.consumer,
      logger,
      ...(reconnectMs === undefined ? {} : { reconnectMs }),
    });
    this.sink = new BrokeredSink({
      publisher: this.sides.publisher,
      maxMessageEvents: options.maxMessageEvents,
      retryAfterMs: options.retryAfterMs,
    });
    if (options.registry !== undefined)
      registerBrokerMetrics(options.registry, () => this.status());
  }

  /** Connects both sides; fails with a clear error when the broker cannot be reached. */
  async start(): Promise<void> {
    await this.sides.publisher.start();
    await this.sides.source.start();
  }

  /** The sink receivers hand their batches to. */
  sinkFor(receiver: Receiver): EventSink {
    return this.sink.sinkFor(receiver);
  }

  /** Stops publishing and consuming; batches in hand are acknowledged or returned. Idempotent. */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      await this.sink.shutdown();
      await this.sides.publisher.shutdown();
      await this.consumer.shutdown();
      await this.sides.source.shutdown();
    })();
    return this.stopping;
  }

  status(): BrokerStatus {
    const { publisher, source, names } = this.sides;
    return {
      mode: this.options.config.kind,
      ...names,
      acknowledges: 'durable in the broker, not yet queryable',
      publisher_connected: publisher.connected,
      consumer_connected: source.connected,
      consumed_batches: this.consumer.consumed,
      redelivered_batches: this.consumer.redelivered,
      last_error: publisher.error ?? source.error ?? null,
    };
  }
}
