import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { natsStreamName } from '../../src/config/raceway-config.js';
import { systemClock } from '../../src/model/clock.js';
import { BrokerConsumer } from '../../src/pipeline/broker/broker-consumer.js';
import { BrokeredSink } from '../../src/pipeline/broker/brokered-sink.js';
import { NatsPublisher } from '../../src/pipeline/broker/nats-publisher.js';
import { GatedStore } from '../../src/testing/gated-store.js';
import { postBatch } from '../../src/testing/post-batch.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { RecordingAnalyzer } from '../../src/testing/recording-analyzer.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { nats, withJetStream } from './nats-test-broker.js';
import { closedPort, silent, smallPipeline } from './test-broker.js';

// What only NATS JetStream does in queue mode; the behaviour shared with RabbitMQ is in the *.case.ts
// suites.

const unreachable = await nats.unreachable();

describe.skipIf(unreachable !== undefined)('queue mode on NATS JetStream', () => {
  const subjects: string[] = [];
  afterAll(() => nats.remove(subjects));

  function subject(label: string): string {
    const name = nats.uniqueName(label);
    subjects.push(name);
    return name;
  }

  /** A replica's consuming side on `name`: a pipeline into `store`, with `loops` pull loops. */
  async function consumeInto(
    name: string,
    store: GatedStore,
    analyzer = new RecordingAnalyzer(),
    loops = 1,
  ): Promise<{ consumer: BrokerConsumer; stop: () => Promise<void> }> {
    const pipeline = smallPipeline(store, analyzer);
    await pipeline.start();
    const consumer = new BrokerConsumer({
      sinkFor: (receiver) => pipeline.sinkFor(receiver),
      logger: silent,
      retryDelayMs: 10,
    });
    const source = nats.source(name, consumer, loops);
    await source.start();
    return {
      consumer,
      stop: async () => {
        await consumer.shutdown();
        await source.shutdown();
        await pipeline.shutdown();
      },
    };
  }

  it('stores a re-sent batch once in the stream (deduplicated by its message id)', async () => {
    const name = subject('dedup');
    const publisher = nats.publisher(name);
    await publisher.start();
    const sink = new BrokeredSink({ publisher, maxMessageEvents: 100, retryAfterMs: 10 });
    const events = realisticBatch({ events: 30 });
    await sink.sinkFor('native').submit(events);
    // The sender did not see the 200 and sends the same batch again.
    await sink.sinkFor('native').submit(events);
    expect(await nats.held(name)).toBe(1);
    // The same events through the other receiver are another message.
    await sink.sinkFor('otlp').submit(events);
    expect(await nats.held(name)).toBe(2);
    await publisher.shutdown();
  });

  it("splits a batch larger than the server's max payload into messages that fit, and stores it all", async () => {
    const name = subject('large');
    const publisher = nats.publisher(name);
    await publisher.start();
    const sink = new BrokeredSink({ publisher, maxMessageEvents: 20_000, retryAfterMs: 10 });
    const events = realisticBatch({ events: 10_000 });
    expect(JSON.stringify(events).length).toBeGreaterThan(publisher.maxMessageBytes!);
    await sink.sinkFor('native').submit(events);
    expect(await nats.held(name)).toBeGreaterThan(1);
    const store = new GatedStore({ clock: systemClock });
    const replica = await consumeInto(name, store, new RecordingAnalyzer(), 2);
    await vi.waitFor(async () => expect((await store.stats()).events).toBe(10_000), {
      timeout: 20_000,
      interval: 50,
    });
    await replica.stop();
    await publisher.shutdown();
  });

  it('refuses only an event larger than the server takes, naming it by index, and keeps the rest', async () => {
    const collector = await startTestCollector({ broker: nats.config(subject('oversized')) });
    try {
      const events = realisticBatch({ events: 9 });
      const blob = 'x'.repeat(1_100_000); // NATS's default max payload is 1 MiB
      const huge = { ...events[4]!, metadata: { ...events[4]!.metadata, tags: { blob } } };
      const batch = [...events.slice(0, 4), huge, ...events.slice(5)];
      // Old SDKs resend a batch answered with anything but a 200 forever: the others must get in.
      const res = await postBatch(collector, batch);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: string; error: string; rejected: unknown[] };
      expect(body).toMatchObject({
        data: 'Ingested 8 events',
        rejected: [
          { index: 4, id: huge.id, reason: expect.stringMatching(/message broker takes/) },
        ],
      });
      expect(body.error).toMatch(/^Rejected 1 of 9 events: \[4\] \d+ bytes encoded/);
      await vi.waitFor(async () => expect((await collector.app.store.stats()).events).toBe(8), {
        timeout: 15_000,
        interval: 25,
      });
      // Alone it leaves nothing usable: a 422 naming it.
      const alone = await postBatch(collector, [huge]);
      expect(alone.status).toBe(422);
      expect(await alone.json()).toMatchObject({ rejected: [{ index: 0, id: huge.id }] });
    } finally {
      await collector.close();
    }
  });

  it('declares a durable work-queue stream and a durable pull consumer with explicit acknowledgement', async () => {
    const name = subject('declare');
    const consumer = new BrokerConsumer({
      sinkFor: () => ({ submit: () => Promise.resolve({ inserted: 0, duplicates: 0 }) }),
      logger: silent,
      retryDelayMs: 10,
    });
    const source = nats.source(name, consumer, 1);
    await source.start();
    const stream = natsStreamName({ name, stream: undefined });
    const { config, consumerConfig } = await withJetStream(async (jsm) => ({
      config: (await jsm.streams.info(stream)).config,
      consumerConfig: (await jsm.consumers.info(stream, 'raceway')).config,
    }));
    expect(config).toMatchObject({ subjects: [name], retention: 'workqueue', storage: 'file' });
    expect(consumerConfig).toMatchObject({
      durable_name: 'raceway',
      ack_policy: 'explicit',
      ack_wait: 1_000_000_000,
      filter_subject: name,
    });
    expect(consumerConfig.deliver_subject).toBeUndefined(); // pull, not push
    await consumer.shutdown();
    await source.shutdown();
  });

  it('keeps a batch held by a slow store from being redelivered, by reporting progress', async () => {
    const name = subject('slow');
    const publisher = nats.publisher(name);
    await publisher.start();
    const sink = new BrokeredSink({ publisher, maxMessageEvents: 100, retryAfterMs: 10 });
    const store = new GatedStore({ clock: systemClock });
    store.hold();
    const analyzer = new RecordingAnalyzer();
    // Two pull loops: one holds the batch, the other would take it again if the broker let it go.
    const { consumer, stop } = await consumeInto(name, store, analyzer, 2);
    await sink.sinkFor('native').submit(realisticBatch({ events: 20 }));
    // Held for three ack waits (1 s each in these tests): without progress reports it would come back.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const pending = await withJetStream((jsm) =>
      jsm.consumers.info(natsStreamName({ name, stream: undefined }), 'raceway'),
    );
    expect(pending.num_redelivered).toBe(0);
    store.release();
    await vi.waitFor(async () => expect(await nats.held(name)).toBe(0), {
      timeout: 10_000,
      interval: 20,
    });
    expect(consumer.redelivered).toBe(0);
    expect(analyzer.ingested).toHaveLength(20);
    await stop();
    await publisher.shutdown();
  });

  it('declares the stream and consumer again when they vanish while running, and goes on', async () => {
    const name = subject('vanished');
    const publisher = nats.publisher(name);
    await publisher.start();
    const sink = new BrokeredSink({ publisher, maxMessageEvents: 100, retryAfterMs: 10 });
    const store = new GatedStore({ clock: systemClock });
    const replica = await consumeInto(name, store);
    await nats.remove([name]); // an operator deletes the stream (and so its consumer)
    const events = realisticBatch({ events: 25 });
    // The sender retries what was refused (503) until it is accepted.
    await vi.waitFor(() => sink.sinkFor('native').submit(events), {
      timeout: 10_000,
      interval: 50,
    });
    await vi.waitFor(async () => expect((await store.stats()).events).toBe(25), {
      timeout: 15_000,
      interval: 50,
    });
    await replica.stop();
    await publisher.shutdown();
  });

  it('refuses to start on an existing stream that does not take the subject', async () => {
    const name = subject('taken');
    const stream = natsStreamName({ name, stream: undefined });
    await withJetStream((jsm) => jsm.streams.add({ name: stream, subjects: [`${name}.other`] }));
    const publisher = new NatsPublisher({
      url: nats.url,
      subject: name,
      stream,
      logger: silent,
    });
    await expect(publisher.start()).rejects.toThrow(
      `queue-stream: NATS stream ${stream} exists but does not take subject ${name} (it takes ${name}.other)`,
    );
    await publisher.shutdown();
  });
});

// A server of its own with credentials, when the nats-server binary is on this machine (CI has it).
const natsServerBinary = spawnSync('nats-server', ['--version']).status === 0;

describe.skipIf(!natsServerBinary)('NATS credentials in queue-url', () => {
  let server: ChildProcess | undefined;
  let dir: string | undefined;
  afterEach(() => {
    server?.kill();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    server = undefined;
    dir = undefined;
  });

  async function startServer(auth: string[]): Promise<number> {
    const port = await closedPort();
    dir = mkdtempSync(join(tmpdir(), 'raceway-nats-'));
    server = spawn(
      'nats-server',
      ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir, ...auth],
      {
        stdio: 'ignore',
      },
    );
    await vi.waitFor(
      () =>
        new Promise<void>((resolve, reject) => {
          const socket = tcpConnect(port, '127.0.0.1', () => {
            socket.destroy();
            resolve();
          });
          socket.on('error', reject);
        }),
      { timeout: 10_000, interval: 50 },
    );
    return port;
  }

  it.each([
    [
      'a user and password',
      ['--user', 'raceway', '--pass', 's3cret'],
      'raceway:s3cret',
      'raceway:wrong',
    ],
    ['a token', ['--auth', 's3cret'], 's3cret', 'wrong'],
  ])(
    'takes %s from the URL, and names the server without it when they are wrong',
    async (_what, auth, good, bad) => {
      const port = await startServer(auth);
      const options = { subject: 'raceway.events', stream: 'raceway_events', logger: silent };
      const publisher = new NatsPublisher({ ...options, url: `nats://${good}@127.0.0.1:${port}` });
      await publisher.start();
      expect(publisher.connected).toBe(true);
      await publisher.shutdown();

      const refused = new NatsPublisher({ ...options, url: `nats://${bad}@127.0.0.1:${port}` });
      const failure = refused.start();
      await expect(failure).rejects.toThrow(
        /^queue-url: cannot reach the message broker at nats:\/\/(raceway:)?\*\*\*@127\.0\.0\.1:\d+: /,
      );
      await expect(failure).rejects.not.toThrow(/wrong|s3cret/);
      await refused.shutdown();
    },
  );
});
