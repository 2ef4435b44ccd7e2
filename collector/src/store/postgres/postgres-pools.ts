import type pg from 'pg';
import { ConfigError, StorageError } from '../../errors/raceway-error.js';
import { applyMigrations } from './apply-migrations.js';
import { createPgPool } from './create-pg-pool.js';
import { parseDatabaseUrl, type DatabaseAddress } from './database-address.js';
import { MIGRATIONS } from './migrations.js';
import type { PostgresStoreOptions } from './postgres-store-options.js';
import type { TableNames } from './table-names.js';
import { toStorageError } from './to-storage-error.js';

/** Which database a query goes to: the primary, or the read replica when one is configured. */
export type PoolRole = 'write' | 'read';

/**
 * The store's connections: a pool on the primary (migrated at start) and one on the replica. Creating it
 * checks the URLs; nothing connects until `start()`, which may be called again after it failed.
 */
export class PostgresPools {
  readonly #options: PostgresStoreOptions;
  readonly #primary: DatabaseAddress;
  readonly #replica: DatabaseAddress | undefined;
  readonly #t: TableNames;
  #pools: Record<PoolRole, pg.Pool> | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;

  constructor(options: PostgresStoreOptions, t: TableNames) {
    if (!Number.isInteger(options.poolSize) || options.poolSize < 1) {
      throw new ConfigError('database-pool-size', 'must be a positive integer');
    }
    this.#options = options;
    this.#t = t;
    this.#primary = parseDatabaseUrl(options.url);
    this.#replica =
      options.readUrl === undefined
        ? undefined
        : parseDatabaseUrl(options.readUrl, 'database-read-url');
  }

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
      await this.#end();
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
    this.#stopping ??= this.#end();
    return this.#stopping;
  }

  async #end(): Promise<void> {
    const pools = this.#pools;
    if (pools === undefined) return;
    await pools.write.end();
    if (pools.read !== pools.write) await pools.read.end();
  }

  pool(role: PoolRole): pg.Pool {
    if (this.#stopping !== undefined) throw new StorageError('postgres store is shut down', false);
    if (this.#pools === undefined) throw new StorageError('postgres store is not started', false);
    return this.#pools[role];
  }

  /** Runs `work` on one checked-out primary connection, destroying it if the work failed mid-way. */
  async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool('write').connect();
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
