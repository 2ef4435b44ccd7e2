// Scale-out costs: how fast a replica follows what another replica stored (the same work as its boot
// catch-up), against the single-process boot replay; and what queue mode costs per event, from the
// receiver's sink to stored + analysed, against handing batches to the pipeline directly.
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { StoreFollower } from '../../collector/src/cluster/store-follower.js';
import { createAnalyzer } from '../../collector/src/engine/create-analyzer.js';
import { defaultConfig } from '../../collector/src/config/raceway-config.js';
import { CollectorMetrics } from '../../collector/src/metrics/collector-metrics.js';
import type { RacewayEvent } from '../../collector/src/model/event.js';
import { systemClock } from '../../collector/src/model/clock.js';
import { BrokerBuffer } from '../../collector/src/pipeline/broker/broker-buffer.js';
import { LiveFeed } from '../../collector/src/pipeline/live-feed.js';
import { Pipeline } from '../../collector/src/pipeline/pipeline.js';
import { MemoryStore } from '../../collector/src/store/memory/memory-store.js';
import { createPostgresStore } from '../../collector/src/store/postgres/postgres-store.js';
import {
  TEST_DATABASE_URL,
  dropSchemas,
  uniqueSchema,
} from '../../collector/src/store/postgres/test-database.js';
import type { Store } from '../../collector/src/store/store.js';
import { realisticBatch, storedEvents } from '../../collector/src/testing/realistic-batch.js';

const silent = pino({ level: 'silent' });
const analyzerOptions = { skewToleranceMs: 50, anomalyMinSamples: 20 };

export interface ScaleOutResult {
  events: number;
  replayPerSecond: number;
  followPerSecond: number;
  directPerSecond: number;
  brokeredPerSecond: number;
}

function pipelineOn(store: Store): Pipeline {
  return new Pipeline({
    store,
    analyzer: createAnalyzer(analyzerOptions),
    feed: new LiveFeed(),
    metrics: new CollectorMetrics({ processMetrics: false }),
    clock: systemClock,
    logger: silent,
    limits: { maxQueuedEvents: 200_000, maxBatchEvents: 5_000, retryAfterMs: 100 },
    retention: {},
    retentionIntervalMs: 0,
    retentionEveryBatch: false,
  });
}

async function followVersusReplay(events: number): Promise<[number, number]> {
  const schema = uniqueSchema('bench_follow');
  const open = (replicaId: string) =>
    createPostgresStore({ url: TEST_DATABASE_URL, poolSize: 4, schema, replicaId });
  const writer = open('writer');
  const reader = open('reader');
  try {
    await writer.start();
    await reader.start();
    const all = storedEvents(realisticBatch({ events, services: ['api', 'ledger', 'billing'] }));
    for (let i = 0; i < all.length; i += 2_000) await writer.append(all.slice(i, i + 2_000));

    let started = performance.now();
    const replayed = createAnalyzer(analyzerOptions);
    await reader.replay((batch) => void replayed.ingest(batch));
    const replaySeconds = (performance.now() - started) / 1000;

    const follower = new StoreFollower({
      store: { follow: reader.follow!.bind(reader) },
      analyzer: createAnalyzer(analyzerOptions),
      feed: new LiveFeed(),
      clock: systemClock,
      logger: silent,
      replicaId: 'reader',
      intervalMs: 0,
    });
    started = performance.now();
    await follower.catchUp();
    const followSeconds = (performance.now() - started) / 1000;
    if (follower.status().followed_events !== events) throw new Error('follower missed events');
    return [events / replaySeconds, events / followSeconds];
  } finally {
    await writer.shutdown();
    await reader.shutdown();
    await dropSchemas([schema]);
  }
}

async function drive(submit: (batch: RacewayEvent[]) => Promise<unknown>, events: number) {
  const all = realisticBatch({ events, services: ['api', 'ledger'] });
  const batches: RacewayEvent[][] = [];
  for (let i = 0; i < all.length; i += 100) batches.push(all.slice(i, i + 100));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await submit(batches[next++]!);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function directVersusBrokered(events: number, brokerUrl: string): Promise<[number, number]> {
  const direct = pipelineOn(new MemoryStore({ clock: systemClock }));
  await direct.start();
  let started = performance.now();
  await drive((batch) => direct.submit(batch), events);
  const directSeconds = (performance.now() - started) / 1000;
  await direct.shutdown();

  const store = new MemoryStore({ clock: systemClock });
  const pipeline = pipelineOn(store);
  await pipeline.start();
  const name = `raceway.bench.${process.pid}.${Date.now()}`;
  const broker = new BrokerBuffer({
    config: { ...defaultConfig().broker, kind: 'rabbitmq', url: brokerUrl, name, prefetch: 8 },
    pipeline,
    logger: silent,
    retryAfterMs: 100,
    maxMessageEvents: 5_000,
  });
  await broker.start();
  started = performance.now();
  await drive((batch) => broker.sinkFor('native').submit(batch), events);
  while ((await store.stats()).events < events) await new Promise((r) => setTimeout(r, 5));
  const brokeredSeconds = (performance.now() - started) / 1000;
  await broker.shutdown();
  await pipeline.shutdown();
  const { connect } = await import('amqplib');
  const connection = await connect(brokerUrl);
  await (await connection.createChannel()).deleteQueue(name);
  await connection.close();
  return [events / directSeconds, events / brokeredSeconds];
}

export async function runScaleOutBench(options: {
  events?: number;
  brokerUrl?: string;
  log: (line: string) => void;
}): Promise<ScaleOutResult> {
  const events = options.events ?? 50_000;
  options.log(`following ${events} events stored by another replica`);
  const [replayPerSecond, followPerSecond] = await followVersusReplay(events);
  options.log(`ingesting ${events} events directly and through RabbitMQ`);
  const [directPerSecond, brokeredPerSecond] = await directVersusBrokered(
    events,
    options.brokerUrl ?? 'amqp://guest:guest@127.0.0.1:5672',
  );
  return { events, replayPerSecond, followPerSecond, directPerSecond, brokeredPerSecond };
}

export function formatScaleOutBench(r: ScaleOutResult): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} events/s`;
  return [
    '## Scale-out (bench/scale-out)',
    '',
    `${r.events.toLocaleString('en-US')} realistic events, real engine, Postgres and RabbitMQ on this host.`,
    '',
    '| Path | Throughput |',
    '|---|---|',
    `| boot replay of one store into the engine (single process) | ${rate(r.replayPerSecond)} |`,
    `| follower catch-up of another replica's rows (replicas, and their boot) | ${rate(r.followPerSecond)} |`,
    `| pipeline, submits of 100 events × 16 concurrent, memory store | ${rate(r.directPerSecond)} |`,
    `| same through RabbitMQ (publish confirmed → consume → stored + analysed) | ${rate(r.brokeredPerSecond)} |`,
    '',
  ].join('\n');
}
