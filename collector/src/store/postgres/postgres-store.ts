import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { ConfigError, StorageError } from '../../errors/raceway-error.js';
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
import { applyMigrations } from './apply-migrations.js';
import { archiveTraces } from './archive-traces.js';
import { createPgPool } from './create-pg-pool.js';
import { parseDatabaseUrl, type DatabaseAddress } from './database-address.js';
import { deleteTraces } from './delete-traces.js';
import { eventColumns } from './event-columns.js';
import { followStatement } from './follow-statement.js';
import { MIGRATIONS } from './migrations.js';
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

interface Pools {
  write: pg.Pool;
  read: pg.Pool;
}

/**
 * A {@link Store} on PostgreSQL. Writes and `replay`/`maxSeq` use the primary; the other queries use the
 * read replica when one is configured. Every failure surfaces as a one-line `StorageError`, retryable
 * when the database may come back (see `toStorageError`).
 */
class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #options: PostgresStoreOptions;
  readonly #primary: DatabaseAddress;
  readonly #replica: DatabaseAddress | undefined;
  readonly #t: TableNames;
  readonly #append: string;
  readonly #follow: string;
  readonly #origin: string;
  #pools: Pools | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  #archiveCount = 0;

  constructor(options: PostgresStoreOptions) {
    if (!Number.isInteger(options.poolSize) || options.poolSize < 1) {
      throw new ConfigError('database-pool-size', 'must be a positive integer');
    }
    this.#options = options;
    this.#primary = parseDatabaseUrl(options.url);
    this.#replica =
      options.readUrl === undefined
        ? undefined
        : parseDatabaseUrl(options.readUrl, 'database-read-url');
    this.#t = tableNames(options.schema);
    this.#append = appendStatement(this.#t);
    this.#follow = followStatement(this.#t);
    this.#origin = `${options.replicaId ?? 'raceway'}/${randomUUID()}`;
  }

  /** Connects and migrates; after a failure `start()` may be called again (e.g. a boot retry loop). */
  start(): Promise<void> {
    this.#starting ??= this.#start().catch((error: unknown) => {
      this.#starting = undefined;
      throw error;
    });
    return this.#starting;
  }

  async #start(): Promise<void> {
    const write = createPgPool(this.#primary, this.#options);
    const read = this.#replica === undefined ? write : createPgPool(this.#replica, this.#options);
    this.#pools = { write, read };
    try {
      await this.#migrate(write, this.#primary);
      if (read !== write) await read.query('SELECT 1').catch(startError(this.#replica!, 'read'));
    } catch (error) {
      await this.#endPools();
      this.#pools = undefined;
      throw error;
    }
  }

  async #migrate(pool: pg.Pool, address: DatabaseAddress): Promise<void> {
    const client = await pool.connect().catch(startError(address, 'connect'));
    try {
      await applyMigrations(client, this.#t, MIGRATIONS).catch(startError(address, 'migrate'));
    } finally {
      client.release();
    }
  }

  shutdown(): Promise<void> {
    this.#stopping ??= this.#endPools();
    return this.#stopping;
  }

  async #endPools(): Promise<void> {
    const pools = this.#pools;
    if (pools === undefined) return;
    await pools.write.end();
    if (pools.read !== pools.write) await pools.read.end();
  }

  #pool(role: keyof Pools): pg.Pool {
    if (this.#stopping !== undefined) throw new StorageError('postgres store is shut down', false);
    if (this.#pools === undefined) throw new StorageError('postgres store is not started', false);
    return this.#pools[role];
  }

  async #run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(operation, error);
    }
  }

  /** Runs `work` on one checked-out connection, destroying it if the work failed mid-way. */
  async #withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool('write').connect();
    // A checked-out connection has no pool listener: without ours, a socket error between two
    // statements of a transaction would be an uncaught `error` event.
    const onError = (): void => undefined;
    client.on('error', onError);
    let failure: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.off('error', onError);
      client.release(failure);
    }
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
      const deleted = await this.#withClient((client) => deleteTraces(client, this.#t, [traceId]));
      return deleted.traceIds.length > 0;
    });
  }

  enforceRetention(policy: RetentionPolicy, nowMs: number): Promise<RetentionResult> {
    return this.#run('enforceRetention', async () => {
      const batchSize = this.#options.retentionBatchSize ?? 500;
      const result: RetentionResult = { evictedTraceIds: [], evictedEvents: 0 };
      for (;;) {
        const sql = retentionCandidates(this.#t, policy, nowMs, batchSize);
        if (sql === undefined) return result;
        const candidates = await this.#pool('write').query<{ trace_id: string }>(
          sql.text,
          sql.values,
        );
        if (candidates.rows.length === 0) return result;
        const ids = candidates.rows.map((row) => row.trace_id);
        const deleted = await this.#withClient((client) =>
          deleteTraces(client, this.#t, ids, this.#archiver(nowMs)),
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

  /** On the primary: a read replica may lag behind what the horizon says is committed. */
  follow(cursor: FollowCursor | undefined, limit: number): Promise<FollowBatch> {
    return this.#run('follow', async () => {
      const result = await this.#pool('write').query<{
        xact: string;
        id: string;
        doc: StoredEvent | null;
      }>(this.#follow, [this.#origin, cursor?.xact ?? '-1', cursor?.id ?? '', limit]);
      const last = result.rows.at(-1);
      const events: StoredEvent[] = [];
      for (const row of result.rows) if (row.doc !== null) events.push(row.doc);
      return {
        events,
        cursor: last === undefined ? cursor : { xact: last.xact, id: last.id },
        scanned: result.rows.length,
      };
    });
  }
}

/** Startup failures as one line naming the database (never its credentials). */
function startError(address: DatabaseAddress, step: string): (error: unknown) => never {
  return (error) => {
    const storage = toStorageError(step, error);
    const detail = storage.message.replace(/^postgres \S+ failed: /, '');
    if (!storage.retryable) {
      throw new ConfigError('database-url', `postgres at ${address.label}: ${detail}`, {
        cause: error,
      });
    }
    throw new StorageError(`cannot reach postgres at ${address.label}: ${detail}`, true, {
      cause: error,
    });
  };
}

/** A {@link Store} on PostgreSQL; nothing connects until `start()`. */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  return new PostgresStore(options);
}
