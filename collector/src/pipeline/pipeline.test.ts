import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BackpressureError, StorageError } from '../errors/raceway-error.js';
import { CollectorMetrics } from '../metrics/collector-metrics.js';
import type { RetentionPolicy } from '../store/store.js';
import { GatedStore } from '../testing/gated-store.js';
import { ManualClock } from '../testing/manual-clock.js';
import { realisticBatch } from '../testing/realistic-batch.js';
import { RecordingAnalyzer } from '../testing/recording-analyzer.js';
import type { StoredEvent } from '../model/stored-event.js';
import { LiveFeed } from './live-feed.js';
import type { FeedMessage } from './live-feed.js';
import { Pipeline } from './pipeline.js';

const pipelines: Pipeline[] = [];

/** Refuses for good (not retryable) every append that holds the poisoned event id. */
class PoisonedStore extends GatedStore {
  poisonedId = '';
  override append(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    if (events.some((e) => e.id === this.poisonedId)) {
      this.appends++;
      return Promise.reject(new StorageError('value out of range', false));
    }
    return super.append(events);
  }
}
/** Commits the first append, then reports it failed as a dropped connection would. */
class CommitThenFailStore extends GatedStore {
  private lost = false;
  override async append(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    const inserted = await super.append(events);
    if (this.lost) return inserted;
    this.lost = true;
    throw new StorageError('connection terminated during COMMIT', true);
  }
}

afterEach(async () => {
  await Promise.all(pipelines.splice(0).map((p) => p.shutdown()));
});

interface SetupOptions {
  maxQueuedEvents?: number;
  retention?: RetentionPolicy;
  store?: (clock: ManualClock) => GatedStore;
}

async function setup(options: SetupOptions = {}) {
  const clock = new ManualClock();
  const store = options.store?.(clock) ?? new GatedStore({ clock });
  const analyzer = new RecordingAnalyzer();
  const feed = new LiveFeed();
  const metrics = new CollectorMetrics({ processMetrics: false });
  const messages: FeedMessage[] = [];
  feed.subscribe((m) => messages.push(m));
  const pipeline = new Pipeline({
    store,
    analyzer,
    feed,
    metrics,
    clock,
    logger: pino({ level: 'silent' }),
    limits: {
      maxQueuedEvents: options.maxQueuedEvents ?? 1000,
      maxBatchEvents: 500,
      retryAfterMs: 2000,
    },
    retention: options.retention ?? {},
    retentionIntervalMs: 0,
    retentionEveryBatch: true,
  });
  await pipeline.start();
  pipelines.push(pipeline);
  return { store, analyzer, metrics, messages, pipeline };
}

async function metricValue(metrics: CollectorMetrics, name: string): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  return metric?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
}

describe('Pipeline', () => {
  it('resolves a submit only once its events are stored, analysed and announced', async () => {
    const { store, analyzer, messages, pipeline } = await setup();
    const events = realisticBatch({ events: 7 });
    const result = await pipeline.submit(events);
    expect(result).toEqual({ inserted: 7, duplicates: 0 });
    expect((await store.traceEvents(events[0]!.trace_id)).map((e) => e.id)).toEqual(
      events.map((e) => e.id),
    );
    expect(analyzer.ingested.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(messages).toEqual([
      {
        id: 1,
        type: 'trace',
        data: { trace_id: events[0]!.trace_id, created: true, event_count: 7 },
      },
    ]);
  });

  it('is idempotent by event id: a re-sent batch is counted as duplicates and analysed once', async () => {
    const { analyzer, metrics, pipeline } = await setup();
    const events = realisticBatch({ events: 14 });
    await pipeline.submit(events.slice(0, 10));
    expect(await pipeline.submit(events)).toEqual({ inserted: 4, duplicates: 10 });
    expect(analyzer.ingested).toHaveLength(14);
    expect(new Set(analyzer.ingested.map((e) => e.id)).size).toBe(14);
    expect(await metricValue(metrics, 'raceway_events_accepted_total')).toBe(14);
    expect(await metricValue(metrics, 'raceway_events_duplicate_total')).toBe(10);
  });

  it('assigns increasing seqs in submit order and parses time_us from the timestamp', async () => {
    const { analyzer, pipeline } = await setup();
    const a = realisticBatch({ events: 3 });
    const b = realisticBatch({ events: 3 });
    await Promise.all([pipeline.submit(a), pipeline.submit(b)]);
    const got = analyzer.ingested;
    expect(got.map((e) => e.id)).toEqual([...a, ...b].map((e) => e.id));
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(got[0]!.time_us).toBe(Date.parse(a[0]!.timestamp) * 1000 + 137);
  });

  it('combines submits that arrive while the store is busy, and never overlaps appends', async () => {
    const { store, pipeline } = await setup();
    store.hold();
    const first = pipeline.submit(realisticBatch({ events: 10 }));
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Array.from({ length: 5 }, () => pipeline.submit(realisticBatch({ events: 10 })));
    store.release();
    await Promise.all([first, ...rest]);
    expect(store.maxActive).toBe(1);
    expect(store.appends).toBe(2);
    expect((await store.stats()).events).toBe(60);
  });

  it('refuses a whole submit with 429 and Retry-After when the queue is full, then stores every accepted event', async () => {
    const { store, metrics, pipeline } = await setup({ maxQueuedEvents: 100 });
    store.hold();
    const accepted = [realisticBatch({ events: 60 }), realisticBatch({ events: 40 })];
    const pending = accepted.map((events) => pipeline.submit(events));
    const refused = realisticBatch({ events: 1 });
    const error = await pipeline.submit(refused).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(BackpressureError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 2000 });
    expect(pipeline.queuedEvents).toBe(100);
    store.release();
    expect(await Promise.all(pending)).toEqual([
      { inserted: 60, duplicates: 0 },
      { inserted: 40, duplicates: 0 },
    ]);
    for (const event of accepted.flat()) expect(await store.getEvent(event.id)).toBeDefined();
    expect(await store.getEvent(refused[0]!.id)).toBeUndefined();
    expect(await metricValue(metrics, 'raceway_events_backpressured_total')).toBe(1);
    expect(pipeline.queuedEvents).toBe(0);
  });

  it('takes a batch larger than the whole queue when the queue is empty', async () => {
    const { pipeline } = await setup({ maxQueuedEvents: 50 });
    expect(await pipeline.submit(realisticBatch({ events: 120 }))).toEqual({
      inserted: 120,
      duplicates: 0,
    });
  });

  it('answers 503 when the store fails retryably, storing nothing, and recovers', async () => {
    const { store, analyzer, pipeline } = await setup();
    store.failNext(1, true);
    const events = realisticBatch({ events: 7 });
    const error = await pipeline.submit(events).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(BackpressureError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 2000 });
    expect(analyzer.ingested).toEqual([]);
    expect(await pipeline.submit(events)).toEqual({ inserted: 7, duplicates: 0 });
  });

  it('analyses re-sent events that an append reported as failed but had committed (reply lost)', async () => {
    const { store, analyzer, pipeline } = await setup({
      store: (clock) => new CommitThenFailStore({ clock }),
    });
    const events = realisticBatch({ events: 7 });
    const error = await pipeline.submit(events).catch((err: unknown) => err);
    expect(error).toMatchObject({ status: 503 });
    expect(analyzer.ingested).toEqual([]);
    // The SDK sends them again: the store has them already, the engine must get them now.
    expect(await pipeline.submit(events)).toEqual({ inserted: 0, duplicates: 7 });
    expect(analyzer.ingested.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(await store.traceEvents(events[0]!.trace_id)).toHaveLength(7);
    // A third send is an ordinary duplicate again.
    await pipeline.submit(events);
    expect(analyzer.ingested).toHaveLength(7);
  });

  it('passes a permanent storage failure through as it is', async () => {
    const { store, pipeline } = await setup();
    store.failNext(1, false);
    const error = await pipeline.submit(realisticBatch({ events: 2 })).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ status: 500, retryable: false });
  });

  it('refuses only the culprit of a combined append that fails for good, storing the others', async () => {
    const { store, analyzer, metrics, pipeline } = await setup({
      store: (clock) => new PoisonedStore({ clock }),
    });
    const batches = [1, 2, 3].map(() => realisticBatch({ events: 7 }));
    (store as PoisonedStore).poisonedId = batches[1]![3]!.id;
    // Submitted in one tick, so the pipeline combines them into one append.
    const results = await Promise.all(
      batches.map((events) => pipeline.submit(events).catch((err: unknown) => err)),
    );
    expect(store.appends).toBe(4);
    expect(results[0]).toEqual({ inserted: 7, duplicates: 0 });
    expect(results[1]).toBeInstanceOf(StorageError);
    expect(results[1]).toMatchObject({ status: 500, retryable: false });
    expect(results[2]).toEqual({ inserted: 7, duplicates: 0 });
    for (const event of [...batches[0]!, ...batches[2]!])
      expect(await store.getEvent(event.id)).toBeDefined();
    for (const event of batches[1]!) expect(await store.getEvent(event.id)).toBeUndefined();
    expect(analyzer.ingested.map((e) => e.id)).toEqual(
      [...batches[0]!, ...batches[2]!].map((e) => e.id),
    );
    expect(await metricValue(metrics, 'raceway_events_accepted_total')).toBe(14);
    expect(await metricValue(metrics, 'raceway_events_backpressured_total')).toBe(7);
    expect(pipeline.queuedEvents).toBe(0);
  });

  it('refuses every combined submit with 503 when the store fails retryably', async () => {
    const { store, analyzer, pipeline } = await setup();
    store.failNext(1, true);
    const results = await Promise.all(
      [1, 2].map(() => pipeline.submit(realisticBatch({ events: 7 })).catch((err: unknown) => err)),
    );
    expect(store.appends).toBe(1);
    for (const error of results) {
      expect(error).toBeInstanceOf(BackpressureError);
      expect(error).toMatchObject({ status: 503 });
    }
    expect(analyzer.ingested).toEqual([]);
  });

  it('enforces retention after each batch and makes the analyzer forget evicted traces', async () => {
    const { store, analyzer, metrics, pipeline } = await setup({ retention: { maxTraces: 2 } });
    const events = realisticBatch({ events: 28 });
    for (let i = 0; i < 28; i += 7) await pipeline.submit(events.slice(i, i + 7));
    expect((await store.stats()).traces).toBe(2);
    expect(analyzer.forgotten).toEqual([events[0]!.trace_id, events[7]!.trace_id]);
    expect(await metricValue(metrics, 'raceway_traces_evicted_total')).toBe(2);
    expect(await metricValue(metrics, 'raceway_events_evicted_total')).toBe(14);
    expect(await metricValue(metrics, 'raceway_store_traces')).toBe(2);
  });

  it('answers stored submits even when retention fails afterwards, and keeps draining', async () => {
    const { store, pipeline } = await setup({ retention: { maxTraces: 1 } });
    store.failRetention = true;
    expect(await pipeline.submit(realisticBatch({ events: 7 }))).toEqual({
      inserted: 7,
      duplicates: 0,
    });
    store.failRetention = false;
    expect(await pipeline.submit(realisticBatch({ events: 7 }))).toEqual({
      inserted: 7,
      duplicates: 0,
    });
    expect((await store.stats()).traces).toBe(1);
  });

  it('deletes a trace in order with appends and forgets it', async () => {
    const { store, analyzer, pipeline } = await setup();
    const events = realisticBatch({ events: 7 });
    await pipeline.submit(events);
    expect(await pipeline.deleteTrace(events[0]!.trace_id)).toBe(true);
    expect(await store.traceEvents(events[0]!.trace_id)).toEqual([]);
    expect(analyzer.forgotten).toEqual([events[0]!.trace_id]);
  });

  it('finishes what it accepted on shutdown and refuses new submits with 503', async () => {
    const { store, pipeline } = await setup();
    store.hold();
    const pending = pipeline.submit(realisticBatch({ events: 5 }));
    const closing = pipeline.shutdown();
    const late = await pipeline.submit(realisticBatch({ events: 1 })).catch((err: unknown) => err);
    expect(late).toMatchObject({ status: 503 });
    store.release();
    await closing;
    expect(await pending).toEqual({ inserted: 5, duplicates: 0 });
    await pipeline.shutdown();
  });
});
