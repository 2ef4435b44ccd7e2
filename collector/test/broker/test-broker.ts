import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { BrokerConfig } from '../../src/config/raceway-config.js';
import type { Analyzer } from '../../src/engine/analyzer.js';
import { CollectorMetrics } from '../../src/metrics/collector-metrics.js';
import { systemClock } from '../../src/model/clock.js';
import type { BrokerConsumer } from '../../src/pipeline/broker/broker-consumer.js';
import type { BatchPublisher, BrokerSide } from '../../src/pipeline/broker/broker-side.js';
import { LiveFeed } from '../../src/pipeline/live-feed.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import type { Store } from '../../src/store/store.js';

/**
 * One real broker as the shared queue-mode suites drive it; each suite runs once per broker, so
 * RabbitMQ and NATS JetStream are held to the same behaviour.
 */
export interface TestBroker {
  kind: 'rabbitmq' | 'nats';
  /** The server the tests use (CI runs one there). */
  url: string;
  /** Why the server cannot be used, or undefined when it answers. */
  unreachable(): Promise<string | undefined>;
  /** A queue (rabbitmq) or subject (nats) no other suite or concurrent run uses. */
  uniqueName(label: string): string;
  /** The collector's queue settings for `name`, through `url` (default: the test server). */
  config(name: string, url?: string): BrokerConfig;
  /** A publish side for `name`, reconnecting quickly. */
  publisher(name: string): BatchPublisher;
  /** A consume side for `name` handing `prefetch` deliveries at a time to `consumer`. */
  source(name: string, consumer: BrokerConsumer, prefetch: number): BrokerSide;
  /** Messages waiting to be delivered (not counting those delivered and not yet acknowledged). */
  waiting(name: string): Promise<number>;
  /** Messages the broker still holds, delivered or not. */
  held(name: string): Promise<number>;
  /** Deletes what the tests declared under these names. */
  remove(names: readonly string[]): Promise<void>;
}

export const silent = pino({ level: 'silent' });

/** A pipeline with a small queue, so a burst overflows it and the consumer has to hand batches back. */
export function smallPipeline(store: Store, analyzer: Analyzer): Pipeline {
  return new Pipeline({
    store,
    analyzer,
    feed: new LiveFeed(),
    metrics: new CollectorMetrics({ processMetrics: false }),
    clock: systemClock,
    logger: silent,
    limits: { maxQueuedEvents: 250, maxBatchEvents: 100, retryAfterMs: 10 },
    retention: {},
    retentionIntervalMs: 0,
    retentionEveryBatch: false,
  });
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
