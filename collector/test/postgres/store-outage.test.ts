import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StorageError } from '../../src/errors/raceway-error.js';
import type { StoredEvent } from '../../src/model/stored-event.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import {
  dropSchemas,
  TEST_DATABASE_URL,
  uniqueSchema,
  unreachableReason,
} from '../../src/store/postgres/test-database.js';
import type { Store } from '../../src/store/store.js';
import { realisticBatch, storedEvents } from '../../src/testing/realistic-batch.js';
import { TcpProxy, viaProxy } from './tcp-proxy.js';

const unreachable = await unreachableReason();

describe.skipIf(unreachable !== undefined)('PostgresStore through a database outage', () => {
  const schema = uniqueSchema('outage');
  let proxy: TcpProxy;
  let store: Store;
  const idleErrors: Error[] = [];

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    store = createPostgresStore({
      url: viaProxy(TEST_DATABASE_URL, proxy),
      poolSize: 3,
      schema,
      connectTimeoutMs: 500,
      onIdleError: (error) => idleErrors.push(error),
    });
    await store.start();
  });

  afterAll(async () => {
    await store.shutdown();
    await proxy.close();
    await dropSchemas([schema]);
  });

  it('fails appends as retryable while the database is unreachable and recovers by itself', async () => {
    const before = storedEvents(realisticBatch({ events: 14 }), 1);
    expect(await store.append(before)).toHaveLength(14);

    proxy.cut();
    // Idle pooled connections die with the cut: reported and dropped, not thrown at the process.
    await vi.waitFor(() => expect(idleErrors.length).toBeGreaterThan(0));
    const during = storedEvents(realisticBatch({ events: 7 }), 15);
    for (let attempt = 0; attempt < 2; attempt++) {
      const failure: unknown = await store.append(during).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).retryable).toBe(true);
      expect((failure as StorageError).message).not.toContain('\n');
    }

    proxy.restore();
    // The client retries the same batch (as SDKs and OTel exporters do after a 503): nothing is lost,
    // nothing is doubled.
    expect(await store.append([...before.slice(0, 2), ...during])).toEqual(during);
    const replayed: StoredEvent[] = [];
    await store.replay((batch) => void replayed.push(...batch));
    expect(replayed).toEqual([...before, ...during]);
  });

  it('reports a retryable one-line error when a query is cut mid-way', async () => {
    const events = storedEvents(realisticBatch({ events: 7 }), 100);
    await store.append(events);
    const slow = store.traceEvents(events[0]!.trace_id);
    proxy.cut();
    const outcome = await slow.then(
      () => 'answered before the cut',
      (error: unknown) => error,
    );
    proxy.restore();
    if (outcome !== 'answered before the cut') {
      expect(outcome).toBeInstanceOf(StorageError);
      expect((outcome as StorageError).retryable).toBe(true);
    }
    expect(await store.traceEvents(events[0]!.trace_id)).toEqual(events);
  });
});

if (unreachable !== undefined) {
  describe(`PostgresStore outage (skipped: no Postgres at RACEWAY_TEST_DATABASE_URL: ${unreachable})`, () => {
    it.skip('needs a reachable Postgres server', () => undefined);
  });
}
