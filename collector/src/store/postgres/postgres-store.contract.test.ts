import { afterAll, describe, it } from 'vitest';
import { ManualClock } from '../../testing/manual-clock.js';
import { describeStoreContract } from '../../testing/store-contract.js';
import { createPostgresStore } from './postgres-store.js';
import {
  dropSchemas,
  TEST_DATABASE_URL,
  uniqueSchema,
  unreachableReason,
} from './test-database.js';

const unreachable = await unreachableReason();

if (unreachable !== undefined) {
  describe(`PostgresStore contract (skipped: no Postgres at RACEWAY_TEST_DATABASE_URL: ${unreachable})`, () => {
    it.skip('needs a reachable Postgres server', () => undefined);
  });
} else {
  const schemas: string[] = [];
  afterAll(() => dropSchemas(schemas));

  describeStoreContract('PostgresStore', async () => {
    const clock = new ManualClock();
    const schema = uniqueSchema('contract');
    schemas.push(schema);
    const store = createPostgresStore({ url: TEST_DATABASE_URL, poolSize: 4, schema, clock });
    await store.start();
    return { store, advance: (ms) => clock.advance(ms), now: () => clock.now() };
  });
}
