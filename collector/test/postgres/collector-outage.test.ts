import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropSchemas,
  TEST_DATABASE_URL,
  unreachableReason,
} from '../../src/store/postgres/test-database.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { startTestCollector, type TestCollector } from '../../src/testing/start-test-collector.js';
import { postBatch } from '../../src/testing/post-batch.js';
import { createTestSchema } from './postgres-test-schema.js';
import { TcpProxy, viaProxy } from './tcp-proxy.js';

const unreachable = await unreachableReason();

async function eventCount(collector: TestCollector, traceId: string): Promise<number> {
  const res = await fetch(`${collector.url}/api/traces/${traceId}`);
  if (res.status !== 200) return 0;
  const body = (await res.json()) as { data: { events: unknown[] } };
  return body.data.events.length;
}

describe.skipIf(unreachable !== undefined)(
  'a collector on Postgres through a database outage',
  () => {
    let schema: string;
    let proxy: TcpProxy;
    let collector: TestCollector;

    beforeAll(async () => {
      const created = await createTestSchema('collector_outage');
      schema = created.schema;
      const target = new URL(TEST_DATABASE_URL);
      proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
      collector = await startTestCollector({
        storage: 'postgres',
        databaseUrl: viaProxy(created.url, proxy),
      });
    });

    afterAll(async () => {
      await collector.close();
      await proxy.close();
      await dropSchemas([schema]);
    });

    it('answers 503 with Retry-After while Postgres is unreachable, loses nothing, and recovers', async () => {
      const before = realisticBatch({ events: 14 });
      expect((await postBatch(collector, before)).status).toBe(200);

      proxy.cut();
      const during = realisticBatch({ events: 7 });
      const refused = await postBatch(collector, during);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ success: false });

      proxy.restore();
      // The SDK re-sends the refused batch merged with new events (spec §1.6); the collector came back by
      // itself, and a replayed event is not doubled.
      const after = realisticBatch({ events: 7 });
      const resent = await postBatch(collector, [...during, ...after, before[0]!]);
      expect(resent.status).toBe(200);

      for (const batch of [before, during, after]) {
        for (const traceId of new Set(batch.map((e) => e.trace_id))) {
          expect(await eventCount(collector, traceId)).toBe(7);
        }
      }
    });
  },
);

if (unreachable !== undefined) {
  describe(`collector outage on Postgres (skipped: no Postgres at RACEWAY_TEST_DATABASE_URL: ${unreachable})`, () => {
    it.skip('needs a reachable Postgres server', () => undefined);
  });
}
