import type { StoredEvent } from '../model/stored-event.js';

/** One row of the trace list (spec §3.4 `TraceMetadata`); timestamps RFC 3339 `Z`. */
export interface TraceSummary {
  trace_id: string;
  event_count: number;
  first_timestamp: string;
  last_timestamp: string;
  service_count: number;
  /** Sorted service names seen in the trace's events. */
  services: string[];
}

export interface TraceQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
  minEvents?: number;
  /** Only traces with an event of this service. */
  service?: string;
  /** Only traces whose id starts with this (lower-case hex/uuid prefix). */
  idPrefix?: string;
  /** Only these traces (filters computed by the engine: has-races, touches variable). */
  traceIds?: ReadonlySet<string>;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface StoreStats {
  events: number;
  traces: number;
  /** Approximate bytes held (memory) or on disk (postgres). */
  bytes: number;
}

/** Limits the store enforces; oldest traces (by last activity) go first. Undefined = unlimited. */
export interface RetentionPolicy {
  maxTraces?: number;
  maxAgeMs?: number;
  maxBytes?: number;
}

export interface RetentionResult {
  evictedTraceIds: string[];
  evictedEvents: number;
}

/** A position in a shared store's commit order (opaque to callers; see `Store.follow`). */
export interface FollowCursor {
  /** Committing transaction, as decimal text (64-bit). */
  xact: string;
  id: string;
}

/** One step of following: either events or deletions (applied in that commit order), not both. */
export interface FollowBatch {
  /** Events other writers stored, in commit order. */
  events: StoredEvent[];
  /** Traces other writers deleted (retention, `deleteTrace`): the follower's engine forgets them. */
  deletedTraceIds: string[];
  /** Where the next call continues; past this writer's own rows too, so polls never rescan them. */
  cursor: FollowCursor | undefined;
  /** True when nothing more was committed after `cursor` (for now). */
  caughtUp: boolean;
}

/**
 * Where accepted events live. Contract (checked by `describeStoreContract` for every backend):
 * - `append` is idempotent by event id and atomic: it returns exactly the events that were new, in the
 *   order given, and either stores all of them or throws (a `StorageError`, retryable when it may succeed
 *   later) having stored none.
 * - `traceEvents` returns a trace's events ordered by (`time_us`, `seq`).
 * - `listTraces` orders by last activity, newest first, then trace id.
 * - `replay` yields every stored event in `seq` order, in batches, to rebuild engine state after a restart.
 * - `shutdown` is idempotent.
 * - `follow` (optional; shared stores that several collector replicas write, i.e. postgres) returns the
 *   events that OTHER store instances appended, or the traces they deleted, after `cursor`, in commit
 *   order, at most `limit` rows scanned. It only yields rows no still-running transaction can precede,
 *   so a cursor never skips a late commit; every change of another writer is returned exactly once
 *   across successive calls, and this instance's own never (its pipeline applied them already).
 */
export interface Store {
  readonly kind: 'memory' | 'postgres';
  start(): Promise<void>;
  shutdown(): Promise<void>;
  append(events: readonly StoredEvent[]): Promise<StoredEvent[]>;
  getEvent(id: string): Promise<StoredEvent | undefined>;
  traceEvents(traceId: string): Promise<StoredEvent[]>;
  /** Summary of one trace, or undefined when it has no events. */
  traceSummary(traceId: string): Promise<TraceSummary | undefined>;
  listTraces(query: TraceQuery): Promise<Page<TraceSummary>>;
  /** Removes a trace and its events; false when it did not exist. */
  deleteTrace(traceId: string): Promise<boolean>;
  enforceRetention(policy: RetentionPolicy, nowMs: number): Promise<RetentionResult>;
  stats(): Promise<StoreStats>;
  /** Highest `seq` stored (0 when empty), so a restarted pipeline continues the sequence. */
  maxSeq(): Promise<number>;
  replay(
    onBatch: (events: StoredEvent[]) => void | Promise<void>,
    batchSize?: number,
  ): Promise<void>;
  follow?(cursor: FollowCursor | undefined, limit: number): Promise<FollowBatch>;
  /**
   * (optional, with `follow`) A cursor that `follow` can start from after a full `replay` taken later:
   * everything before it was committed when it was taken, so the replay holds it; what follows may
   * overlap the replay (the engine ignores ids it already has) but is never skipped.
   */
  followHorizon?(): Promise<FollowCursor>;
}
