import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import type { Channel, ConfirmChannel } from 'amqplib';
import { pino } from 'pino';
import type { Analyzer } from '../../src/engine/analyzer.js';
import { CollectorMetrics } from '../../src/metrics/collector-metrics.js';
import { systemClock } from '../../src/model/clock.js';
import { AmqpLink } from '../../src/pipeline/broker/amqp-link.js';
import { BrokerConsumer } from '../../src/pipeline/broker/broker-consumer.js';
import { LiveFeed } from '../../src/pipeline/live-feed.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import type { Store } from '../../src/store/store.js';

/** The RabbitMQ the broker tests use (CI runs one there). */
export const TEST_BROKER_URL =
  process.env['RACEWAY_TEST_AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

export const silent = pino({ level: 'silent' });

/** Why the test broker cannot be used, or undefined when it answers. */
export async function brokerUnreachable(): Promise<string | undefined> {
  try {
    const connection = await connect(TEST_BROKER_URL);
    await connection.close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A queue name no other suite (or concurrent run) uses. */
export function uniqueQueue(label: string): string {
  return `raceway.test.${label}.${process.pid}.${randomBytes(4).toString('hex')}`;
}

export async function deleteQueues(names: readonly string[]): Promise<void> {
  const connection = await connect(TEST_BROKER_URL);
  try {
    const channel = await connection.createChannel();
    for (const name of names) await channel.deleteQueue(name);
  } finally {
    await connection.close();
  }
}

/** Messages waiting in a queue (not counting those delivered and not yet acknowledged). */
export async function readyMessages(name: string): Promise<number> {
  const connection = await connect(TEST_BROKER_URL);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(name)).messageCount;
  } finally {
    await connection.close();
  }
}

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

export function publishLink(queue: string, url = TEST_BROKER_URL): AmqpLink<ConfirmChannel> {
  return new AmqpLink({
    url,
    logger: silent,
    reconnectMs: 20,
    open: (connection) => connection.createConfirmChannel(),
    setup: async (channel) => void (await channel.assertQueue(queue, { durable: true })),
  });
}

/** One analysis worker: its own connection, `prefetch` deliveries at a time, into `pipeline`. */
export async function startWorker(
  queue: string,
  pipeline: Pipeline,
  prefetch: number,
): Promise<{ link: AmqpLink<Channel>; consumer: BrokerConsumer }> {
  const consumer = new BrokerConsumer({
    sinkFor: (receiver) => pipeline.sinkFor(receiver),
    logger: silent,
    retryDelayMs: 10,
  });
  const link = new AmqpLink<Channel>({
    url: TEST_BROKER_URL,
    logger: silent,
    reconnectMs: 20,
    open: (connection) => connection.createChannel(),
    setup: async (channel) => {
      await channel.assertQueue(queue, { durable: true });
      await channel.prefetch(prefetch);
      await consumer.consume(channel, queue);
    },
  });
  await link.start();
  return { link, consumer };
}
