import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database the Postgres tests and the benchmark use (CI runs a real server there). */
export const TEST_DATABASE_URL =
  process.env['RACEWAY_TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';

/** Why the test database cannot be used, or undefined when it answers. */
export async function unreachableReason(url = TEST_DATABASE_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other suite (or concurrent run) uses. */
export function uniqueSchema(label: string): string {
  return `rw_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drops the schemas and everything in them. */
export async function dropSchemas(
  schemas: readonly string[],
  url = TEST_DATABASE_URL,
): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
