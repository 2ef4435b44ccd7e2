import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import type { Channel } from 'amqplib';
import { defaultConfig } from '../../src/config/raceway-config.js';
import { AmqpPublisher } from '../../src/pipeline/broker/amqp-publisher.js';
import { AmqpSource } from '../../src/pipeline/broker/amqp-source.js';
import { silent } from './test-broker.js';
import type { TestBroker } from './test-broker.js';

const URL = process.env['RACEWAY_TEST_AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

async function withChannel<T>(use: (channel: Channel) => Promise<T>): Promise<T> {
  const connection = await connect(URL);
  try {
    return await use(await connection.createChannel());
  } finally {
    await connection.close();
  }
}

/** The RabbitMQ the broker tests use. */
export const rabbitmq: TestBroker = {
  kind: 'rabbitmq',
  url: URL,
  async unreachable() {
    try {
      await (await connect(URL)).close();
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  uniqueName: (label) => `raceway.test.${label}.${process.pid}.${randomBytes(4).toString('hex')}`,
  config: (name, url = URL) => ({
    ...defaultConfig().broker,
    kind: 'rabbitmq',
    url,
    name,
    prefetch: 2,
  }),
  publisher: (queue) => new AmqpPublisher({ url: URL, queue, logger: silent, reconnectMs: 20 }),
  source: (queue, consumer, prefetch) =>
    new AmqpSource({ url: URL, queue, prefetch, consumer, logger: silent, reconnectMs: 20 }),
  waiting: (queue) => withChannel(async (c) => (await c.checkQueue(queue)).messageCount),
  // Ready messages only: the tests ask once every delivery is settled, so none is unacknowledged.
  held: (queue) => withChannel(async (c) => (await c.checkQueue(queue)).messageCount),
  remove: (queues) =>
    withChannel(async (c) => {
      for (const queue of queues) await c.deleteQueue(queue);
    }),
};
