import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { systemClock } from '../../model/clock.js';
import type { StoredEvent } from '../../model/stored-event.js';
import type {
  FollowBatch,
  FollowCursor,
  Page,
  RetentionPolicy,
  RetentionResult,
  Store,
  StoreStats,
  TraceQuery,
  TraceSummary,
} from '../store.js';
import { appendParameters, appendStatement } from './append-statement.js';
import { archiveTraces } from './archive-traces.js';
import { deleteTraces } from './delete-traces.js';
import { eventColumns } from './event-columns.js';
import { followBatch } from './follow-batch.js';
import { followStatement } from './follow-statement.js';
import { PostgresPools, type PoolRole } from './postgres-pools.js';
import type { PostgresStoreOptions } from './postgres-store-options.js';
import { retentionCandidates } from './retention-candidates.js';
import { tableNames, type TableNames } from './table-names.js';
import { toStorageError } from './to-storage-error.js';
import { traceListQuery } from './trace-list-query.js';
import {
  TRACE_SUMMARY_COLUMNS,
  toTraceSummary,
  type TraceSummaryRow,
} from './trace-summary-row.js';

export type {
  PostgresArchiveOptions,
  PostgresStoreOptions,
  PostgresTlsOptions,
} from './postgres-store-options.js';

const DEFAULT_REPLAY_BATCH = 1000;

/**
 * A {@link Store} on PostgreSQL. Writes and `replay`/`maxSeq` use the primary; the other queries use the
 * read replica when one is configured. Every failure surfaces as a one-line `StorageError`, retryable
 * when the database may come back (see `toStorageError`).
 */
class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #options: PostgresStoreOptions;
  readonly #t: TableNames;
  readonly #pools: PostgresPools;
  readonly #append: string;
  readonly #follow: string;
  readonly #origin: string;
  #archiveCount = 0;

  constructor(options: PostgresStoreOptions) {
    this.#options = options;
    this.#t = tableNames(options.schema);
    this.#pools = new PostgresPools(options, this.#t);
    this.#append = appendStatement(this.#t);
    this.#follow = followStatement(this.#t);
    this.#origin = `${options.replicaId ?? 'raceway'}/${randomUUID()}`;
  }

  /** Connects and migrates; after a failure `start()` may be called again (e.g. a boot retry loop). */
  start(): Promise<void> {
    return this.#pools.start();
  }

  shutdown(): Promise<void> {
    return this.#pools.shutdown();
  }

  #pool(role: PoolRole): pg.Pool {
    return this.#pools.pool(role);
  }

  async #run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(operation, error);
    }
  }

  #withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#pools.withClient(work);
  }

  append(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    return this.#run('append', async () => {
      const unique = new Map<string, StoredEvent>();
      for (const event of events) if (!unique.has(event.id)) unique.set(event.id, event);
      if (unique.size === 0) return [];
      const batch = [...unique.values()];
      const result = await this.#pool('write').query<{ id: string }>(
        this.#append,
        appendParameters(
          eventColumns(batch),
          (this.#options.clock ?? systemClock).now(),
          this.#origin,
        ),
      );
      const inserted = new Set(result.rows.map((row) => row.id));
      return batch.filter((event) => inserted.has(event.id));
    });
  }

  getEvent(id: string): Promise<StoredEvent | undefined> {
    return this.#run('getEvent', async () => {
      const result = await this.#pool('read').query<{ doc: StoredEvent }>(
        `SELECT doc FROM ${this.#t.events} WHERE id = $1`,
        [id],
      );
      return result.rows[0]?.doc;
    });
  }

  traceEvents(traceId: string): Promise<StoredEvent[]> {
    return this.#run('traceEvents', async () => {
      const result = await this.#pool('read').query<{ doc: StoredEvent }>(
        `SELECT doc FROM ${this.#t.events} WHERE trace_id = $1 ORDER BY time_us, seq, id`,
        [traceId],
      );
      return result.rows.map((row) => row.doc);
    });
  }

  traceSummary(traceId: string): Promise<TraceSummary | undefined> {
    return this.#run('traceSummary', async () => {
      const result = await this.#pool('read').query<TraceSummaryRow>(
        `SELECT ${TRACE_SUMMARY_COLUMNS} FROM ${this.#t.traces} WHERE trace_id = $1`,
        [traceId],
      );
      const row = result.rows[0];
      return row === undefined ? undefined : toTraceSummary(row);
    });
  }

  listTraces(query: TraceQuery): Promise<Page<TraceSummary>> {
    return this.#run('listTraces', async () => {
      const sql = traceListQuery(this.#t, query);
      const pool = this.#pool('read');
      const [page, total] = await Promise.all([
        pool.query<TraceSummaryRow>(sql.page.text, sql.page.values),
        pool.query<{ total: string }>(sql.total.text, sql.total.values),
      ]);
      return { items: page.rows.map(toTraceSummary), total: Number(total.rows[0]?.total ?? 0) };
    });
  }

  deleteTrace(traceId: string): Promise<boolean> {
    return this.#run('deleteTrace', async () => {
      const deleted = await this.#withClient((client) =>
        deleteTraces(client, this.#t, [traceId], undefined, this.#origin),
      );
      return deleted.traceIds.length > 0;
    });
  }

  enforceRetention(policy: RetentionPolicy, nowMs: number): Promise<RetentionResult> {
    return this.#run('enforceRetention', async () => {
      const batchSize = this.#options.retentionBatchSize ?? 500;
      const result: RetentionResult = { evictedTraceIds: [], evictedEvents: 0 };
      for (;;) {
        const ids = await retentionCandidates(
          this.#pool('write'),
          this.#t,
          policy,
          nowMs,
          batchSize,
        );
        if (ids.length === 0) return result;
        const deleted = await this.#withClient((client) =>
          deleteTraces(client, this.#t, ids, this.#archiver(nowMs), this.#origin),
        );
        const gone = new Set(deleted.traceIds);
        result.evictedTraceIds.push(...ids.filter((id) => gone.has(id)));
        result.evictedEvents += deleted.events;
        if (deleted.traceIds.length === 0) return result;
      }
    });
  }

  #archiver(nowMs: number): ((docs: string[]) => Promise<void>) | undefined {
    const archive = this.#options.archive;
    if (archive === undefined) return undefined;
    return async (docs) => {
      const stem = `raceway-archive-${nowMs}-${process.pid}-${++this.#archiveCount}`;
      await archiveTraces(archive.directory, stem, docs);
    };
  }

  stats(): Promise<StoreStats> {
    return this.#run('stats', async () => {
      const t = this.#t;
      const result = await this.#pool('read').query<{
        events: string;
        traces: string;
        bytes: string;
      }>(
        `SELECT coalesce(sum(event_count), 0) AS events, count(*) AS traces,
                pg_total_relation_size($1::regclass) + pg_total_relation_size($2::regclass) AS bytes
         FROM ${t.traces}`,
        [t.events, t.traces],
      );
      const row = result.rows[0];
      return {
        events: Number(row?.events ?? 0),
        traces: Number(row?.traces ?? 0),
        bytes: Number(row?.bytes ?? 0),
      };
    });
  }

  maxSeq(): Promise<number> {
    return this.#run('maxSeq', async () => {
      const result = await this.#pool('write').query<{ max: string | null }>(
        `SELECT max(seq) AS max FROM ${this.#t.events}`,
      );
      return Number(result.rows[0]?.max ?? 0);
    });
  }

  /** Keyset pagination on `(seq, id)`: each batch is one indexed range scan, however far in. */
  replay(
    onBatch: (events: StoredEvent[]) => void | Promise<void>,
    batchSize = DEFAULT_REPLAY_BATCH,
  ): Promise<void> {
    return this.#run('replay', async () => {
      let after: { seq: string; id: string } | undefined;
      for (;;) {
        const result = await this.#pool('write').query<{
          doc: StoredEvent;
          seq: string;
          id: string;
        }>(
          after === undefined
            ? `SELECT doc, seq, id FROM ${this.#t.events} ORDER BY seq, id LIMIT $1`
            : `SELECT doc, seq, id FROM ${this.#t.events} WHERE (seq, id) > ($2::bigint, $3::text)
               ORDER BY seq, id LIMIT $1`,
          after === undefined ? [batchSize] : [batchSize, after.seq, after.id],
        );
        const last = result.rows.at(-1);
        if (last === undefined) return;
        await onBatch(result.rows.map((row) => row.doc));
        if (result.rows.length < batchSize) return;
        after = { seq: last.seq, id: last.id };
      }
    });
  }

  /** Just below the oldest transaction still running: every row of an older one is committed now. */
  followHorizon(): Promise<FollowCursor> {
    return this.#run('follow', async () => {
      const result = await this.#pool('write').query<{ xmin: string }>(
        'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
      );
      return { xact: (BigInt(result.rows[0]!.xmin) - 1n).toString(), id: '' };
    });
  }

  /** On the primary: a read replica may lag behind what the horizon says is committed. */
  follow(cursor: FollowCursor | undefined, limit: number): Promise<FollowBatch> {
    return this.#run('follow', async () => {
      const result = await this.#pool('write').query<{
        cursor_xact: string;
        id: string;
        doc: StoredEvent | null;
        deleted: string | null;
      }>(this.#follow, [this.#origin, cursor?.xact ?? '-1', cursor?.id ?? '', limit]);
      return followBatch(result.rows, cursor, limit);
    });
  }
}

/** A {@link Store} on PostgreSQL; nothing connects until `start()`. */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  return new PostgresStore(options);
}
