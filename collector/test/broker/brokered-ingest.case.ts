import { afterAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/model/clock.js';
import type { Pipeline } from '../../src/pipeline/pipeline.js';
import { BrokerConsumer } from '../../src/pipeline/broker/broker-consumer.js';
import { BrokeredSink } from '../../src/pipeline/broker/brokered-sink.js';
import { GatedStore } from '../../src/testing/gated-store.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { RecordingAnalyzer } from '../../src/testing/recording-analyzer.js';
import { silent, smallPipeline } from './test-broker.js';
import type { TestBroker } from './test-broker.js';

/**
 * Ingest buffered in a real broker, from the brokered sink to the store: the behaviour every broker of
 * queue mode must have. `unreachable` skips the suite (with the reason) when the server is not there.
 */
export function describeBrokeredIngest(broker: TestBroker, unreachable: string | undefined): void {
  describe.skipIf(unreachable !== undefined)(`ingest buffered in ${broker.kind}`, () => {
    const names: string[] = [];
    afterAll(() => broker.remove(names));

    /** A fresh queue or subject (deleted after the suite) and a started sink that publishes to it. */
    async function startSink(label: string, maxMessageEvents: number) {
      const name = broker.uniqueName(label);
      names.push(name);
      const publisher = broker.publisher(name);
      await publisher.start();
      const sink = new BrokeredSink({ publisher, maxMessageEvents, retryAfterMs: 10 });
      return { name, publisher, sink };
    }

    /** One analysis worker: its own connection, `prefetch` deliveries at a time, into `pipeline`. */
    async function startWorker(name: string, pipeline: Pipeline, prefetch: number) {
      const consumer = new BrokerConsumer({
        sinkFor: (receiver) => pipeline.sinkFor(receiver),
        logger: silent,
        retryDelayMs: 10,
      });
      const source = broker.source(name, consumer, prefetch);
      await source.start();
      return { source, consumer };
    }

    it.each([
      ['crashes (deliveries in hand are redelivered)', 'crash'],
      ['is shut down and replaced', 'restart'],
    ] as const)(
      'stores every event of a burst exactly once when the analysis worker %s',
      async (_how, how) => {
        const { name, publisher, sink } = await startSink('burst', 50);

        // The database is stalled: nothing can be stored, yet ingest keeps acknowledging (durable).
        const store = new GatedStore({ clock: systemClock });
        store.hold();
        const analyzer = new RecordingAnalyzer();
        const first = smallPipeline(store, analyzer);
        await first.start();
        const worker = await startWorker(name, first, 3);

        const burst = realisticBatch({ events: 3_000, services: ['api', 'ledger'] });
        const batches = Array.from({ length: 30 }, (_, i) => burst.slice(i * 100, (i + 1) * 100));
        const answers = await Promise.all(batches.map((b) => sink.sinkFor('native').submit(b)));
        expect(answers.reduce((n, a) => n + a.inserted, 0)).toBe(3_000);
        expect((await store.stats()).events).toBe(0);
        // Most of it waits in the broker, not in this process (prefetch bounds what the worker holds).
        expect(await broker.waiting(name)).toBeGreaterThan(0);

        if (how === 'crash') {
          // The worker dies with deliveries in hand (no acknowledgement was sent for them)...
          await worker.source.shutdown();
          store.release();
        } else {
          // ...or stops in order: it takes nothing more and acknowledges what it has stored.
          const stopping = worker.consumer.shutdown();
          store.release();
          await stopping;
          await worker.source.shutdown();
        }
        await first.shutdown();
        // A new worker takes over; the broker redelivers whatever was never acknowledged.
        const second = smallPipeline(store, analyzer);
        await second.start();
        const next = await startWorker(name, second, 3);
        await vi.waitFor(async () => expect((await store.stats()).events).toBe(3_000), {
          timeout: 30_000,
          interval: 50,
        });
        // Acknowledgements are on their way: once the broker has them, it holds nothing more.
        await vi.waitFor(async () => expect(await broker.held(name)).toBe(0), {
          timeout: 10_000,
          interval: 50,
        });
        await next.consumer.shutdown();
        await next.source.shutdown();
        await second.shutdown();
        await publisher.shutdown();

        if (how === 'crash') expect(next.consumer.redelivered).toBeGreaterThan(0);
        expect(next.consumer.consumed).toBeGreaterThan(0); // the burst outlasted the first worker
        const ids = analyzer.ingested.map((e) => e.id);
        expect(ids).toHaveLength(3_000);
        expect(new Set(ids)).toEqual(new Set(burst.map((e) => e.id)));
      },
    );

    it('hands a batch the pipeline refuses back to the broker and stores it later', async () => {
      const { name, publisher, sink } = await startSink('refused', 100);
      const store = new GatedStore({ clock: systemClock });
      store.failNext(3, true); // the database drops the connection three times
      const analyzer = new RecordingAnalyzer();
      const pipeline = smallPipeline(store, analyzer);
      await pipeline.start();
      const worker = await startWorker(name, pipeline, 1);
      const events = realisticBatch({ events: 40 });
      await sink.sinkFor('otlp').submit(events);
      await vi.waitFor(async () => expect((await store.stats()).events).toBe(40), {
        timeout: 10_000,
        interval: 20,
      });
      expect(worker.consumer.redelivered).toBeGreaterThanOrEqual(1);
      expect(analyzer.ingested).toHaveLength(40);
      await worker.consumer.shutdown();
      await worker.source.shutdown();
      await pipeline.shutdown();
      await publisher.shutdown();
    });

    it('rejects a batch the store refuses for good instead of handing it back forever, and goes on', async () => {
      const { name, publisher, sink } = await startSink('poison', 100);
      const store = new GatedStore({ clock: systemClock });
      store.failNext(1, false); // a permanent failure: retrying cannot help
      const analyzer = new RecordingAnalyzer();
      const pipeline = smallPipeline(store, analyzer);
      await pipeline.start();
      const worker = await startWorker(name, pipeline, 1);
      await sink.sinkFor('native').submit(realisticBatch({ events: 10 }));
      const next = realisticBatch({ events: 20 });
      await sink.sinkFor('native').submit(next);
      await vi.waitFor(async () => expect((await store.stats()).events).toBe(20), {
        timeout: 10_000,
        interval: 20,
      });
      await vi.waitFor(async () => expect(await broker.held(name)).toBe(0), {
        timeout: 10_000,
        interval: 20,
      });
      expect(worker.consumer.redelivered).toBe(0);
      expect(analyzer.ingested.map((e) => e.id)).toEqual(next.map((e) => e.id));
      await worker.consumer.shutdown();
      await worker.source.shutdown();
      await pipeline.shutdown();
      await publisher.shutdown();
    });
  });
}
