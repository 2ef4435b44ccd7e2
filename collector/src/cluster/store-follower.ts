import type { Logger } from 'pino';
import type { Analyzer } from '../engine/analyzer.js';
import type { Clock } from '../model/clock.js';
import type { LiveFeed } from '../pipeline/live-feed.js';
import type { FollowCursor, Store } from '../store/store.js';
import type { FollowerMetrics } from './follower-metrics.js';

export interface StoreFollowerOptions {
  /** A store that implements `follow` (postgres). */
  store: Required<Pick<Store, 'follow'>>;
  analyzer: Analyzer;
  feed: LiveFeed;
  clock: Clock;
  logger: Logger;
  metrics?: FollowerMetrics | undefined;
  replicaId: string;
  intervalMs: number;
  /** Rows read per query. Default 1000. */
  batchSize?: number;
}

/** What `/health` shows about the follower. */
export interface FollowerStatus {
  replica_id: string;
  follow_interval_ms: number;
  followed_events: number;
  /** Time since the follower last reached the end of what other replicas had committed. */
  lag_ms: number;
  caught_up_at: string | null;
  last_error: string | null;
}

/**
 * Keeps this replica's engine in step with the other replicas writing the same store. Each replica
 * analyses what it ingests itself; the follower reads, in commit order, what the others stored and
 * feeds it to the same analyzer, so cross-trace analyses (global races, baselines, service graph)
 * converge on every replica. At boot the store is replayed in full first and the follower resumes at
 * the horizon taken before that replay: following alone would wait behind any transaction left open on
 * the server (its horizon stops there), and a restarted replica would answer from an empty engine.
 */
export class StoreFollower {
  private cursor: FollowCursor | undefined;
  private followed = 0;
  private caughtUpAtMs: number | undefined;
  private lastError: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly startedAtMs: number;

  constructor(private readonly options: StoreFollowerOptions) {
    this.startedAtMs = options.clock.now();
  }

  /** Continues from `cursor` (a `followHorizon` taken before the boot replay) instead of the start. */
  resumeAt(cursor: FollowCursor): void {
    this.cursor = cursor;
  }

  /** Reads until the end of what is committed; `onBatch` sees each batch's size (boot progress). */
  async catchUp(onBatch?: (events: number) => void): Promise<void> {
    for (;;) {
      const { caughtUp, events } = await this.step();
      onBatch?.(events);
      if (caughtUp || this.stopped) return;
    }
  }

  /** Starts polling every `intervalMs`. */
  start(): void {
    if (this.stopped || this.timer !== undefined || this.options.intervalMs <= 0) return;
    this.schedule();
  }

  /** Stops polling and waits for a read in progress. Idempotent. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling.catch(() => undefined);
  }

  status(): FollowerStatus {
    const now = this.options.clock.now();
    return {
      replica_id: this.options.replicaId,
      follow_interval_ms: this.options.intervalMs,
      followed_events: this.followed,
      lag_ms: Math.max(0, now - (this.caughtUpAtMs ?? this.startedAtMs)),
      caught_up_at:
        this.caughtUpAtMs === undefined ? null : new Date(this.caughtUpAtMs).toISOString(),
      last_error: this.lastError ?? null,
    };
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 1000;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.polling = this.catchUp()
        .catch((err: unknown) => {
          // The store said why (a retryable StorageError while Postgres is away); try again later.
          this.options.logger.warn({ err }, 'following the shared store failed');
        })
        .finally(() => {
          this.options.metrics?.lagSeconds.set(this.status().lag_ms / 1000);
          if (!this.stopped) this.schedule();
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async step(): Promise<{ caughtUp: boolean; events: number }> {
    const { store, analyzer, feed, metrics, clock } = this.options;
    let batch;
    try {
      batch = await store.follow(this.cursor, this.batchSize);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      metrics?.errors.inc();
      throw err;
    }
    this.lastError = undefined;
    this.cursor = batch.cursor;
    if (batch.events.length > 0) {
      feed.publish(analyzer.ingest(batch.events));
      this.followed += batch.events.length;
      metrics?.followedEvents.inc(batch.events.length);
    }
    // Retention on whichever replica ran it first: without this, the others would keep the trace.
    if (batch.deletedTraceIds.length > 0) analyzer.forget(batch.deletedTraceIds);
    if (batch.caughtUp) this.caughtUpAtMs = clock.now();
    return { caughtUp: batch.caughtUp, events: batch.events.length };
  }
}
