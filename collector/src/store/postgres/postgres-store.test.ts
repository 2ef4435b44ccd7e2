import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, StorageError } from '../../errors/raceway-error.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { ManualClock } from '../../testing/manual-clock.js';
import { realisticBatch, storedEvents } from '../../testing/realistic-batch.js';
import type { Store } from '../store.js';
import { createPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
import {
  dropSchemas,
  TEST_DATABASE_URL,
  uniqueSchema,
  unreachableReason,
} from './test-database.js';

const unreachable = await unreachableReason();
const schemas: string[] = [];
const stores: Store[] = [];

async function open(options: Partial<PostgresStoreOptions> = {}): Promise<Store> {
  const schema = options.schema ?? uniqueSchema('pg');
  if (!schemas.includes(schema)) schemas.push(schema);
  const store = createPostgresStore({ url: TEST_DATABASE_URL, poolSize: 4, ...options, schema });
  stores.push(store);
  await store.start();
  return store;
}

async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function traces(count: number, firstSeq = 1): StoredEvent[] {
  return storedEvents(realisticBatch({ events: count * 7 }), firstSeq);
}

afterAll(async () => {
  try {
    for (const store of stores) await store.shutdown();
  } finally {
    await dropSchemas(schemas);
  }
});

describe.skipIf(unreachable !== undefined)('PostgresStore', () => {
  describe('migrations', () => {
    it('applies each version once when several replicas boot at the same time', async () => {
      const schema = uniqueSchema('boot');
      await Promise.all([open({ schema }), open({ schema }), open({ schema })]);
      const rows = await sql<{ version: number; n: string }>(
        `SELECT version, count(*) AS n FROM "${schema}".raceway_migrations GROUP BY version ORDER BY version`,
      );
      expect(rows).toEqual([
        { version: 1, n: '1' },
        { version: 2, n: '1' },
        { version: 3, n: '1' },
      ]);
    });

    it('keeps every event across a restart on the same schema', async () => {
      const schema = uniqueSchema('restart');
      const first = await open({ schema });
      const events = traces(2);
      await first.append(events);
      await first.shutdown();
      const second = await open({ schema });
      expect(await second.maxSeq()).toBe(14);
      expect(await second.traceEvents(events[0]!.trace_id)).toEqual(events.slice(0, 7));
      expect(await second.append(events)).toEqual([]);
    });

    it('refuses to start when an applied migration was changed', async () => {
      const schema = uniqueSchema('tampered');
      await (await open({ schema })).shutdown();
      await sql(`UPDATE "${schema}".raceway_migrations SET checksum = 'edited'`);
      const error: unknown = await open({ schema }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/migration 1 .* differs from the one applied/);
    });
  });

  describe('append', () => {
    it('stores nothing of a batch that one bad row fails, and says it will fail again', async () => {
      const store = await open();
      const events = traces(1);
      const bad = { ...events[3]!, seq: 1.5 };
      const error: unknown = await store
        .append([...events.slice(0, 3), bad, ...events.slice(4)])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).retryable).toBe(false);
      expect(await store.stats()).toMatchObject({ events: 0, traces: 0 });
      expect(await store.append(events)).toEqual(events);
    });

    it('stores each event once when overlapping batches race', async () => {
      const store = await open();
      const events = traces(4);
      const batches = [0, 5, 10, 15].map((start) => events.slice(start, start + 14));
      const results = await Promise.all(batches.map((batch) => store.append(batch)));
      const returned = results.flat().map((e) => e.id);
      expect(new Set(returned).size).toBe(returned.length);
      expect(returned.sort()).toEqual(events.map((e) => e.id).sort());
      const summaries = await store.listTraces({ page: 1, pageSize: 10 });
      expect(summaries.items.map((t) => t.event_count)).toEqual([7, 7, 7, 7]);
    });

    it('keeps text with NUL characters, which Postgres text columns refuse', async () => {
      const store = await open();
      const [event] = traces(1);
      const odd = { ...event!, metadata: { ...event!.metadata, service_name: 'api\u0000v2' } };
      expect(await store.append([odd])).toEqual([odd]);
      expect(await store.getEvent(odd.id)).toEqual(odd);
    });
  });

  describe('concurrent writers', () => {
    it('keeps every summary equal to its events while deletes race appends to the same traces', async () => {
      const schema = uniqueSchema('race');
      const store = await open({ schema, poolSize: 6 });
      const traceIds = traces(3)
        .filter((_, i) => i % 7 === 0)
        .map((e) => e.trace_id);
      let seq = 1;
      const appendTo = (traceId: string) =>
        store.append(traces(1, (seq += 7)).map((e) => ({ ...e, trace_id: traceId })));
      const work: Promise<unknown>[] = [];
      for (let round = 0; round < 20; round++) {
        for (const traceId of traceIds) {
          work.push(appendTo(traceId));
          if (round % 3 === 1) work.push(store.deleteTrace(traceId));
        }
        if (round % 5 === 4) work.push(store.enforceRetention({ maxTraces: 1 }, Date.now()));
      }
      await Promise.all(work);
      const mismatches = await sql(`
        SELECT coalesce(s.trace_id, e.trace_id) AS trace_id, s.event_count, e.n
        FROM "${schema}".raceway_traces s
        FULL JOIN (SELECT trace_id, count(*) AS n FROM "${schema}".raceway_events GROUP BY trace_id) e
          ON e.trace_id = s.trace_id
        WHERE s.event_count IS DISTINCT FROM e.n`);
      expect(mismatches).toEqual([]);
    });
  });

  describe('connecting', () => {
    it('rejects a URL that is not a postgres URL before connecting', () => {
      for (const url of ['not a url', 'mysql://root@127.0.0.1/test']) {
        expect(() => createPostgresStore({ url, poolSize: 1 })).toThrow(ConfigError);
      }
    });

    it('fails start with one retryable line naming the server, not the password', async () => {
      const store = createPostgresStore({
        url: 'postgres://root:hunter2@127.0.0.1:1/test',
        poolSize: 1,
        connectTimeoutMs: 1000,
      });
      const error: unknown = await store.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).retryable).toBe(true);
      expect((error as Error).message).toMatch(/^cannot reach postgres at 127\.0\.0\.1:1\/test: /);
      expect((error as Error).message).not.toMatch(/hunter2|\n/);
      await store.shutdown();
    });

    it('fails start with a config error when the database does not exist', async () => {
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = '/raceway_no_such_database';
      const store = createPostgresStore({ url: url.toString(), poolSize: 1 });
      const error: unknown = await store.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/raceway_no_such_database/);
    });

    it('fails start with a config error when TLS is required but the server does not offer it', async () => {
      const tls = await unreachableReason(`${TEST_DATABASE_URL}?sslmode=require`);
      if (tls === undefined) return; // this server speaks TLS: nothing to refuse
      for (const options of [
        { url: TEST_DATABASE_URL, ssl: true },
        { url: `${TEST_DATABASE_URL}?sslmode=require` },
      ]) {
        const store = createPostgresStore({ ...options, poolSize: 1 });
        const error: unknown = await store.start().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).toMatch(/SSL/);
      }
    });

    it('names the replica when it cannot be reached', async () => {
      const schema = uniqueSchema('replica');
      schemas.push(schema);
      const store = createPostgresStore({
        url: TEST_DATABASE_URL,
        readUrl: 'postgres://root@127.0.0.1:1/replica',
        poolSize: 1,
        schema,
      });
      const error: unknown = await store.start().catch((e: unknown) => e);
      expect((error as Error).message).toMatch(
        /^cannot reach postgres at 127\.0\.0\.1:1\/replica: /,
      );
      await store.shutdown();
    });

    it('answers queries from the read replica when one is configured', async () => {
      const store = await open({ readUrl: TEST_DATABASE_URL });
      const events = traces(1);
      await store.append(events);
      expect(await store.traceEvents(events[0]!.trace_id)).toEqual(events);
    });
  });

  describe('retention', () => {
    it('archives evicted traces as gzip NDJSON before deleting them', async () => {
      const directory = await mkdtemp(join(tmpdir(), 'raceway-archive-'));
      try {
        const clock = new ManualClock();
        const store = await open({ archive: { directory }, clock, retentionBatchSize: 2 });
        const events = traces(3);
        await store.append(events);
        const result = await store.enforceRetention({ maxTraces: 0 }, clock.now());
        expect(result.evictedEvents).toBe(21);
        const files = (await readdir(directory)).sort();
        expect(files).toHaveLength(2);
        const archived: StoredEvent[] = [];
        for (const file of files) {
          const text = gunzipSync(await readFile(join(directory, file))).toString('utf8');
          archived.push(
            ...text
              .trimEnd()
              .split('\n')
              .map((line) => JSON.parse(line) as StoredEvent),
          );
        }
        const byId = (a: StoredEvent, b: StoredEvent) => a.id.localeCompare(b.id);
        expect(archived.sort(byId)).toEqual([...events].sort(byId));
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    });
  });
});

if (unreachable !== undefined) {
  describe(`PostgresStore (skipped: no Postgres at RACEWAY_TEST_DATABASE_URL: ${unreachable})`, () => {
    it.skip('needs a reachable Postgres server', () => undefined);
  });
}
