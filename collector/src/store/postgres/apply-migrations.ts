import { createHash } from 'node:crypto';
import type pg from 'pg';
import { StorageError } from '../../errors/raceway-error.js';
import type { Migration } from './migrations.js';
import { tableNames, type TableNames } from './table-names.js';

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
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `raceway.migrations:${t.migrations}`,
    ]);
    if (t.schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${t.schema}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${t.migrations} (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number; checksum: string }>(
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
      await client.query(migration.sql(t));
      await client.query(
        `INSERT INTO ${t.migrations} (version, name, checksum) VALUES ($1, $2, $3)`,
        [migration.version, migration.name, checksum],
      );
      applied.push(migration.version);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return applied;
}
