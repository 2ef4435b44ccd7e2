import type { Clock } from '../../model/clock.js';

/** TLS settings for the database connection; PEM contents, not file paths. */
export interface PostgresTlsOptions {
  /** Verify the server certificate against `ca` (or the system roots). Default true. */
  rejectUnauthorized?: boolean;
  ca?: string;
  cert?: string;
  key?: string;
}

/** Where deleted traces are written before retention removes them. */
export interface PostgresArchiveOptions {
  /** Folder that receives one `raceway-archive-*.ndjson.gz` file per retention batch. */
  directory: string;
}

export interface PostgresStoreOptions {
  url: string;
  /** Optional read replica for queries (may lag the primary: reads of just-written data can miss). */
  readUrl?: string | undefined;
  poolSize: number;
  /** Time of appends, for age-based retention (as in the memory store). Default: the system clock. */
  clock?: Clock | undefined;
  /**
   * Schema that holds the tables (created when missing). Default: the connection's `search_path`
   * (normally `public`). Tables are always schema-qualified, so poolers that drop startup options work.
   */
  schema?: string | undefined;
  /**
   * TLS: `true`/an object enables it and overrides any `sslmode` in the URL; `false` disables it.
   * Undefined leaves it to the URL (`?sslmode=require|verify-full|disable`).
   */
  ssl?: boolean | PostgresTlsOptions | undefined;
  /** How long to wait for a connection before the operation fails as retryable. Default 5000. */
  connectTimeoutMs?: number | undefined;
  /** Client-side limit for one statement; a hung connection then fails as retryable. Default 30000. */
  queryTimeoutMs?: number | undefined;
  /** Traces per retention batch (one transaction each). Default 500. */
  retentionBatchSize?: number | undefined;
  archive?: PostgresArchiveOptions | undefined;
  /**
   * Names this writer in each row's `origin` (replica following, see `Store.follow`). A random boot id
   * is appended, so a restarted replica with the same name follows the rows of its earlier life.
   */
  replicaId?: string | undefined;
  /** Told about errors of idle pooled connections (they are dropped and replaced, never thrown). */
  onIdleError?: ((error: Error) => void) | undefined;
}
