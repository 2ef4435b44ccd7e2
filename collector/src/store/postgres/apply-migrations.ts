import { createHash } from 'node:crypto';
import type pg from 'pg';
import { StorageError } from '../../errors/raceway-error.js';
import type { Migration } from './migrations.js';
import { tableNames, type TableNames } from './table-names.js';

const MIGRATION_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/** Checksum over the step's SQL with unqualified names, so it does not depend on the schema. */
export function migrationChecksum(migration: Migration): string {
  return createHash('sha256')
    .update(migration.sql(tableNames(undefined)))
    .digest('hex');
}

/**
 * Applies the pending migrations in one transaction under a transaction-scoped advisory lock keyed by
 * the schema, so replicas booting together wait for the first one and then find nothing to do. Refuses
 * to start when an applied step no longer matches its checksum. Versions newer than this build are left
 * alone (a newer replica migrated first; steps are additive). Returns the versions applied now.
 */
export async function applyMigrations(
  client: pg.ClientBase,
  t: TableNames,
  migrations: readonly Migration[],
): Promise<number[]> {
  const applied: number[] = [];
  // Not the pool's statement timeout: building an index on a large table, or waiting for the replica that
  // holds the lock while it does, may rightly take longer. (`pg` reads `query_timeout` per query; its
  // types do not declare it.)
  const query = <R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> =>
    client.query<R>({ text, values, query_timeout: MIGRATION_TIMEOUT_MS } as pg.QueryConfig);
  await query('BEGIN');
  try {
    await query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `raceway.migrations:${t.migrations}`,
    ]);
    if (t.schema !== undefined) await query(`CREATE SCHEMA IF NOT EXISTS ${t.schema}`);
    await query(`
      CREATE TABLE IF NOT EXISTS ${t.migrations} (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await query<{ version: number; checksum: string }>(
      `SELECT version, checksum FROM ${t.migrations}`,
    );
    const done = new Map(rows.map((row) => [row.version, row.checksum]));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      const checksum = migrationChecksum(migration);
      const previous = done.get(migration.version);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new StorageError(
            `postgres migration ${migration.version} (${migration.name}) differs from the one applied`,
            false,
          );
        }
        continue;
      }
      await query(migration.sql(t));
      await query(`INSERT INTO ${t.migrations} (version, name, checksum) VALUES ($1, $2, $3)`, [
        migration.version,
        migration.name,
        checksum,
      ]);
      applied.push(migration.version);
    }
    await query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return applied;
}
