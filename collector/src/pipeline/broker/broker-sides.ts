import type { Logger } from 'pino';
import { natsStreamName } from '../../config/raceway-config.js';
import type { BrokerConfig } from '../../config/raceway-config.js';
import { AmqpPublisher } from './amqp-publisher.js';
import { AmqpSource } from './amqp-source.js';
import type { BrokerConsumer } from './broker-consumer.js';
import type { BatchPublisher, BrokerSide } from './broker-side.js';
import { NatsPublisher } from './nats-publisher.js';
import { NatsSource } from './nats-source.js';

/** A broker's two connections for queue mode, and the names `/health` shows. */
export interface BrokerSides {
  publisher: BatchPublisher;
  source: BrokerSide;
  /** Where the batches wait: the queue (rabbitmq) or the subject, stream and consumer (nats). */
  names: { queue: string; stream?: string; consumer?: string };
}

export interface BrokerSidesOptions {
  config: BrokerConfig & { kind: 'rabbitmq' | 'nats'; url: string };
  consumer: BrokerConsumer;
  logger: Logger;
  reconnectMs?: number;
}

/** The publish and consume sides of the configured broker, consuming into `consumer`. */
export function brokerSides(options: BrokerSidesOptions): BrokerSides {
  const { config, consumer, logger, reconnectMs } = options;
  const common = { url: config.url, logger, ...(reconnectMs === undefined ? {} : { reconnectMs }) };
  switch (config.kind) {
    case 'rabbitmq':
      return {
        publisher: new AmqpPublisher({ ...common, queue: config.name }),
        source: new AmqpSource({
          ...common,
          queue: config.name,
          prefetch: config.prefetch,
          consumer,
        }),
        names: { queue: config.name },
      };
    case 'nats': {
      const names = { stream: natsStreamName(config), subject: config.name };
      return {
        publisher: new NatsPublisher({ ...common, ...names }),
        source: new NatsSource({
          ...common,
          ...names,
          durable: config.consumer,
          ackWaitMs: config.ackWaitMs,
          prefetch: config.prefetch,
          consumer,
        }),
        names: { queue: config.name, stream: names.stream, consumer: config.consumer },
      };
    }
  }
}
