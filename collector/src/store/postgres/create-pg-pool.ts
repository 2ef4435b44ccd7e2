import pg from 'pg';
import type { DatabaseAddress } from './database-address.js';
import type { PostgresStoreOptions } from './postgres-store-options.js';

/** URL parameters that configure TLS; dropped when explicit `ssl` options take over. */
const TLS_PARAMS = ['ssl', 'sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'uselibpqcompat'];

/**
 * A pool for one database. Idle connections that die (server restart, network cut) emit `error` on the
 * pool, which would crash the process without a listener: we report and drop them instead; the pool opens
 * fresh ones on the next checkout.
 */
export function createPgPool(address: DatabaseAddress, options: PostgresStoreOptions): pg.Pool {
  const url = new URL(address.url);
  const config: pg.PoolConfig = {
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    query_timeout: options.queryTimeoutMs ?? 30_000,
    keepAlive: true,
    application_name: 'raceway-collector',
  };
  if (options.ssl !== undefined) {
    for (const param of TLS_PARAMS) url.searchParams.delete(param);
    config.ssl = options.ssl;
  }
  config.connectionString = url.toString();
  const pool = new pg.Pool(config);
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}
