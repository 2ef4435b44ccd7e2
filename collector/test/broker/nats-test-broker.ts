import { randomBytes } from 'node:crypto';
import { JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { defaultConfig, natsStreamName } from '../../src/config/raceway-config.js';
import { NatsPublisher } from '../../src/pipeline/broker/nats-publisher.js';
import { NatsSource } from '../../src/pipeline/broker/nats-source.js';
import { natsServer } from '../../src/pipeline/broker/nats-url.js';
import { silent } from './test-broker.js';
import type { TestBroker } from './test-broker.js';

const URL = process.env['RACEWAY_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const DURABLE = defaultConfig().broker.consumer;
/** Short, so a crashed worker's messages come back within the test. */
const ACK_WAIT_MS = 1_000;

const streamOf = (subject: string) => natsStreamName({ name: subject, stream: undefined });

export async function withJetStream<T>(use: (jsm: JetStreamManager) => Promise<T>): Promise<T> {
  const connection = await connect({ ...natsServer(URL), timeout: 5_000 });
  try {
    return await use(await jetstreamManager(connection));
  } finally {
    await connection.close();
  }
}

function missing(err: unknown): boolean {
  return (
    err instanceof JetStreamApiError &&
    (err.code === JetStreamApiCodes.StreamNotFound ||
      err.code === JetStreamApiCodes.ConsumerNotFound)
  );
}

/** The NATS server (with JetStream) the broker tests use. */
export const nats: TestBroker = {
  kind: 'nats',
  url: URL,
  async unreachable() {
    try {
      await withJetStream(async (jsm) => void (await jsm.getAccountInfo()));
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  uniqueName: (label) => `raceway.test.${label}.${process.pid}.${randomBytes(4).toString('hex')}`,
  config: (subject, url = URL) => ({
    ...defaultConfig().broker,
    kind: 'nats',
    url,
    name: subject,
    prefetch: 2,
    ackWaitMs: ACK_WAIT_MS,
  }),
  publisher: (subject) =>
    new NatsPublisher({
      url: URL,
      subject,
      stream: streamOf(subject),
      logger: silent,
      reconnectMs: 20,
    }),
  source: (subject, consumer, prefetch) =>
    new NatsSource({
      url: URL,
      subject,
      stream: streamOf(subject),
      durable: DURABLE,
      ackWaitMs: ACK_WAIT_MS,
      prefetch,
      consumer,
      logger: silent,
      reconnectMs: 20,
    }),
  waiting: (subject) =>
    withJetStream(async (jsm) => {
      try {
        return (await jsm.consumers.info(streamOf(subject), DURABLE)).num_pending;
      } catch (err) {
        if (!missing(err)) throw err;
        return (await jsm.streams.info(streamOf(subject))).state.messages;
      }
    }),
  // Work-queue retention: a message leaves the stream once acknowledged.
  held: (subject) =>
    withJetStream(async (jsm) => (await jsm.streams.info(streamOf(subject))).state.messages),
  remove: (subjects) =>
    withJetStream(async (jsm) => {
      for (const subject of subjects)
        await jsm.streams.delete(streamOf(subject)).catch((err: unknown) => {
          if (!missing(err)) throw err;
        });
    }),
};
