import { BackpressureError, StorageError } from '../errors/raceway-error.js';
import type { RacewayEvent } from '../model/event.js';
import type { StoredEvent } from '../model/stored-event.js';
import type { EventSink, SubmitResult } from './event-sink.js';
import { eventTime } from './event-time.js';
import type { PipelineOptions } from './pipeline-options.js';
import { SerialLane } from './serial-lane.js';

/** Which receiver handed the events over (a metrics label). */
export type Receiver = 'native' | 'otlp';

interface Job {
  events: StoredEvent[];
  receiver: Receiver;
  resolve: (result: SubmitResult) => void;
  reject: (error: unknown) => void;
}

/** Events one append stored, and the jobs they came from. */
interface Appended {
  jobs: readonly Job[];
  inserted: StoredEvent[];
}

/**
 * The ingest pipeline: a bounded queue in front of store → analyzer → live feed.
 *
 * Unlike the old worker, which slept 100 ms per 100 events (spec §4.1: ~1 000 events/s) and dropped what
 * did not fit, it drains continuously, combining the submits that arrived meanwhile into one append, and
 * refuses a whole submit up front (`BackpressureError`, 429) when the queue is full, so nothing accepted
 * is ever dropped. Each submit resolves once its events are stored and analysed: a 200 sent after it
 * means "queryable now". Appends, retention and deletions run one at a time on a {@link SerialLane}.
 */
export class Pipeline implements EventSink {
  private readonly queue: Job[] = [];
  private queued = 0;
  private nextSeq = 1;
  private draining = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly lane = new SerialLane();
  /**
   * Ids of events whose append failed retryably: the store may have committed them and lost only the
   * reply (a connection cut during COMMIT). When they are sent again the store calls them duplicates,
   * and without this the engine would never see them; bounded, as it only matters until the resend.
   */
  private readonly uncertain = new Set<string>();

  constructor(private readonly options: PipelineOptions) {}

  /** Continues the store's sequence (after a restart, stored events keep their seqs). */
  async start(): Promise<void> {
    this.nextSeq = (await this.options.store.maxSeq()) + 1;
  }

  /**
   * Starts the retention timer. Separate from `start` so that retention waits until the boot replay has
   * rebuilt the engine (evicting a trace the replay is about to hand over would leave a ghost in it).
   */
  startRetention(): void {
    if (this.timer === undefined && !this.closed && this.options.retentionIntervalMs > 0) {
      this.timer = setInterval(() => {
        this.retain().catch((err: unknown) =>
          this.options.logger.error({ err }, 'retention failed'),
        );
      }, this.options.retentionIntervalMs);
      this.timer.unref();
    }
  }

  /** Stops accepting, then waits until every accepted event is stored and analysed. Idempotent. */
  async shutdown(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    while (this.draining || this.queue.length > 0) {
      if (!this.draining) this.scheduleDrain();
      await this.lane.idle();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** An {@link EventSink} whose events are counted under `receiver` in the metrics. */
  sinkFor(receiver: Receiver): EventSink {
    return { submit: (events) => this.submit(events, receiver) };
  }

  get queuedEvents(): number {
    return this.queued;
  }

  submit(events: readonly RacewayEvent[], receiver: Receiver = 'native'): Promise<SubmitResult> {
    const { limits, metrics } = this.options;
    if (this.closed) {
      metrics.backpressured.inc(events.length);
      return Promise.reject(
        new BackpressureError('collector is shutting down', limits.retryAfterMs, 503),
      );
    }
    if (events.length === 0) return Promise.resolve({ inserted: 0, duplicates: 0 });
    // A batch larger than the whole queue is still taken when the queue is empty; refusing it would
    // make a retrying SDK (the TS one resends forever, growing the batch) loop without end.
    if (this.queued > 0 && this.queued + events.length > limits.maxQueuedEvents) {
      metrics.backpressured.inc(events.length);
      return Promise.reject(
        new BackpressureError(
          `ingest queue is full (${this.queued} events waiting); retry later`,
          limits.retryAfterMs,
          429,
        ),
      );
    }
    const stored = this.stamp(events);
    this.queued += stored.length;
    metrics.queueDepth.set(this.queued);
    return new Promise<SubmitResult>((resolve, reject) => {
      this.queue.push({ events: stored, receiver, resolve, reject });
      this.scheduleDrain();
    });
  }

  /** Removes a trace from the store and the analyzer, in order with appends. */
  deleteTrace(traceId: string): Promise<boolean> {
    return this.lane.run(async () => {
      const existed = await this.options.store.deleteTrace(traceId);
      this.options.analyzer.forget([traceId]);
      return existed;
    });
  }

  /** Applies the retention policy now (also runs on a timer). */
  retain(): Promise<void> {
    return this.lane.run(() => this.enforceRetention());
  }

  private stamp(events: readonly RacewayEvent[]): StoredEvent[] {
    return events.map((event) => {
      const parsed = eventTime(event.timestamp);
      // A literal of fixed shape, not a spread: one hidden class for every stored event (hot path).
      return {
        id: event.id,
        trace_id: event.trace_id,
        parent_id: event.parent_id ?? null,
        timestamp: parsed?.iso ?? event.timestamp,
        kind: event.kind,
        metadata: event.metadata,
        causality_vector: event.causality_vector,
        lock_set: event.lock_set,
        seq: this.nextSeq++,
        time_us: parsed?.timeUs ?? 0,
      };
    });
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    // setImmediate, not a microtask: the submits of every request read in this I/O phase join one append.
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.lane.run(() => this.processNext());
    } catch (err) {
      // processNext settles its jobs itself; reaching here is a bug, and it must not kill the process.
      this.options.logger.error({ err }, 'ingest pipeline step failed');
    } finally {
      this.draining = false;
      if (this.queue.length > 0) this.scheduleDrain();
    }
  }

  private takeJobs(): Job[] {
    const jobs: Job[] = [];
    let count = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (jobs.length > 0 && count + next.events.length > this.options.limits.maxBatchEvents) break;
      jobs.push(this.queue.shift()!);
      count += next.events.length;
    }
    return jobs;
  }

  /** Stores, analyses and answers the next jobs; every job taken is settled, whatever fails. */
  private async processNext(): Promise<void> {
    const jobs = this.takeJobs();
    const events = jobs.length === 1 ? jobs[0]!.events : jobs.flatMap((j) => j.events);
    const { metrics, logger } = this.options;
    try {
      const stored = await this.append(jobs, events);
      for (const { jobs: done, inserted } of stored) {
        this.analyse(this.recovering(done, inserted));
        this.answer(done, inserted);
      }
      if (stored.length > 0 && this.options.retentionEveryBatch) await this.enforceRetention();
    } catch (err) {
      // Settling twice is harmless: jobs already answered keep their answer.
      logger.error({ err }, 'ingest step failed after storing');
      this.refuse(jobs, err);
    } finally {
      this.queued -= events.length;
      metrics.queueDepth.set(this.queued);
    }
  }

  /**
   * Appends the jobs' events at once and returns what was stored for which jobs; jobs whose append
   * failed are refused here. A combined append refused for good is retried job by job, so one bad submit
   * does not sink the submits it happened to be combined with; a retryable failure (store unreachable)
   * refuses them all with 503.
   */
  private async append(jobs: readonly Job[], events: StoredEvent[]): Promise<Appended[]> {
    const { store, metrics, logger } = this.options;
    try {
      return [{ jobs, inserted: await store.append(events) }];
    } catch (err) {
      if (jobs.length > 1 && !isRetryable(err)) {
        logger.warn({ err }, 'append of %d combined submits failed; retrying each', jobs.length);
        const stored: Appended[] = [];
        for (const job of jobs) stored.push(...(await this.append([job], job.events)));
        return stored;
      }
      logger.warn({ err }, 'store append failed; %d events refused', events.length);
      metrics.backpressured.inc(events.length);
      if (isRetryable(err))
        for (const e of events) if (this.uncertain.size < UNCERTAIN_MAX) this.uncertain.add(e.id);
      this.refuse(jobs, err);
      return [];
    }
  }

  /** A retryable store failure becomes 503 + Retry-After; anything else passes through as it is. */
  private refuse(jobs: readonly Job[], err: unknown): void {
    const refusal = isRetryable(err)
      ? new BackpressureError(
          'storage is unavailable; retry later',
          this.options.limits.retryAfterMs,
          503,
          { cause: err },
        )
      : err;
    for (const job of jobs) job.reject(refusal);
  }

  private answer(jobs: readonly Job[], inserted: readonly StoredEvent[]): void {
    const { metrics } = this.options;
    let total = 0;
    for (const job of jobs) total += job.events.length;
    // Nothing was a duplicate (the usual case): no need to find which ids were new.
    const fresh = inserted.length === total ? undefined : new Set(inserted.map((e) => e.id));
    for (const job of jobs) {
      const count = fresh === undefined ? job.events.length : takeFresh(job.events, fresh);
      metrics.accepted.inc({ receiver: job.receiver }, count);
      metrics.duplicates.inc(job.events.length - count);
      job.resolve({ inserted: count, duplicates: job.events.length - count });
    }
  }

  /** The inserted events, plus re-sent ones the store already had from an append that seemed to fail. */
  private recovering(jobs: readonly Job[], inserted: StoredEvent[]): StoredEvent[] {
    if (this.uncertain.size === 0) return inserted;
    const fresh = new Set(inserted.map((e) => e.id));
    const recovered: StoredEvent[] = [];
    for (const job of jobs) {
      for (const e of job.events)
        if (this.uncertain.delete(e.id) && !fresh.has(e.id)) recovered.push(e);
    }
    return recovered.length === 0 ? inserted : [...inserted, ...recovered];
  }

  private analyse(inserted: StoredEvent[]): void {
    if (inserted.length === 0) return;
    try {
      this.options.feed.publish(this.options.analyzer.ingest(inserted));
    } catch (err) {
      // The events are stored; failing the submit would only make the SDK resend duplicates.
      this.options.logger.error({ err }, 'analysis of %d stored events failed', inserted.length);
    }
  }

  private async enforceRetention(): Promise<void> {
    const { store, analyzer, metrics, retention, clock } = this.options;
    const result = await store.enforceRetention(retention, clock.now());
    if (result.evictedTraceIds.length > 0) {
      analyzer.forget(result.evictedTraceIds);
      metrics.evictedTraces.inc(result.evictedTraceIds.length);
      metrics.evictedEvents.inc(result.evictedEvents);
    }
    const stats = await store.stats();
    metrics.storedEvents.set(stats.events);
    metrics.storedTraces.set(stats.traces);
  }
}

/** Ids kept as possibly committed; beyond this a lost reply is only repaired by a restart's replay. */
const UNCERTAIN_MAX = 100_000;

/** How many of `events` are in `fresh`, taking them out (a re-sent id counts once). */
function takeFresh(events: readonly StoredEvent[], fresh: Set<string>): number {
  let count = 0;
  for (const e of events) if (fresh.delete(e.id)) count++;
  return count;
}

function isRetryable(err: unknown): boolean {
  return err instanceof StorageError && err.retryable;
}
