import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import {
  TEST_DATABASE_URL,
  dropSchemas,
  uniqueSchema,
  unreachableReason,
} from '../../src/store/postgres/test-database.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { loadSdkFixture, sdkFixtureText } from '../fixtures/sdk/load-sdk-fixture.js';
import { responseJson } from './response-json.js';

const unreachable = await unreachableReason();
const schema = uniqueSchema('replay');

/** One collector process life; each gets its own replica id, as a restarted process would. */
function collectorOnSchema(replicaId: string) {
  return startTestCollector({
    storage: 'postgres',
    databaseUrl: TEST_DATABASE_URL,
    replicaId,
    parts: {
      store: createPostgresStore({ url: TEST_DATABASE_URL, poolSize: 2, schema, replicaId }),
    },
  });
}

describe.skipIf(unreachable !== undefined)('a restarted collector on Postgres', () => {
  afterAll(() => dropSchemas([schema]));

  it('replays stored events into the engine, reports the progress, and continues the sequence', async () => {
    const first = await collectorOnSchema('before-restart');
    const res = await fetch(`${first.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sdkFixtureText('typescript-transfer'),
    });
    expect(res.status).toBe(200);
    await first.close();

    const second = await collectorOnSchema('after-restart');
    try {
      expect(second.app.status()).toMatchObject({
        ready: true,
        phase: 'completed',
        replay: { total: 7, processed: 7 },
      });
      const events = loadSdkFixture('typescript-transfer').events;
      // The engine knows the replayed events: it computed their clocks and contexts.
      const [firstEvent] = events as Array<{ id: string; trace_id: string }>;
      expect(second.app.analyzer.computed(firstEvent!)).toBeDefined();
      const trace = await responseJson(
        await fetch(`${second.url}/api/traces/${events[0]!.trace_id}`),
      );
      expect(trace.data.events).toHaveLength(7);

      const more = await fetch(`${second.url}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sdkFixtureText('python-process'),
      });
      expect(more.status).toBe(200);
      const pyFirst = loadSdkFixture('python-process').events[0]!;
      expect((await second.app.store.getEvent(pyFirst.id))?.seq).toBe(8);
    } finally {
      await second.close();
    }
  });
});
