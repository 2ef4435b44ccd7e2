import pg from 'pg';
import { TEST_DATABASE_URL, uniqueSchema } from '../../src/store/postgres/test-database.js';

/**
 * A fresh schema and a database URL whose sessions use it (`options=-c search_path=…`), so a collector
 * configured only with `--database-url` keeps its tables there, as a user's would in `public`.
 */
export async function createTestSchema(label: string): Promise<{ schema: string; url: string }> {
  const schema = uniqueSchema(label);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await client.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, url: url.toString() };
}
