import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../src/model/stored-event.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import {
  TEST_DATABASE_URL,
  dropSchemas,
  uniqueSchema,
  unreachableReason,
} from '../../src/store/postgres/test-database.js';
import type { FollowCursor, Store } from '../../src/store/store.js';
import { realisticBatch, storedEvents } from '../../src/testing/realistic-batch.js';

const unreachable = await unreachableReason();

type Following = Required<Pick<Store, 'follow'>> & Store;

/** Follows until caught up, from `cursor`; returns the ids seen and where it stopped. */
async function followAll(
  store: Following,
  cursor: FollowCursor | undefined,
  limit = 7,
): Promise<{ ids: string[]; cursor: FollowCursor | undefined }> {
  const ids: string[] = [];
  for (;;) {
    const batch = await store.follow(cursor, limit);
    ids.push(...batch.events.map((e) => e.id));
    cursor = batch.cursor;
    if (batch.caughtUp) return { ids, cursor };
  }
}

/**
 * Follows until `expected` ids were seen. Other suites share the server: their open transactions may
 * hold the commit horizon back for a moment, so this polls (bounded) instead of reading once.
 */
async function followUntil(
  store: Following,
  cursor: FollowCursor | undefined,
  expected: readonly string[],
): Promise<{ ids: string[]; cursor: FollowCursor | undefined }> {
  const ids: string[] = [];
  await vi.waitFor(
    async () => {
      const step = await followAll(store, cursor);
      ids.push(...step.ids);
      cursor = step.cursor;
      expect([...ids].sort()).toEqual([...expected].sort());
    },
    { timeout: 10_000, interval: 20 },
  );
  return { ids, cursor };
}

const events = (n: number, firstSeq = 1): StoredEvent[] =>
  storedEvents(realisticBatch({ events: n }), firstSeq);

describe.skipIf(unreachable !== undefined)(
  'PostgresStore.follow (replicas sharing a schema)',
  () => {
    const schema = uniqueSchema('follow');
    const stores: Following[] = [];
    let a: Following;
    let b: Following;

    const open = async (replicaId: string): Promise<Following> => {
      const store = createPostgresStore({ url: TEST_DATABASE_URL, poolSize: 3, schema, replicaId });
      await store.start();
      stores.push(store as Following);
      return store as Following;
    };

    beforeAll(async () => {
      a = await open('a');
      b = await open('b');
    });
    afterAll(async () => {
      try {
        for (const store of stores) await store.shutdown();
      } finally {
        await dropSchemas([schema]);
      }
    });

    it("returns every event another writer stored, once, and never the follower's own", async () => {
      const fromA = events(20);
      // Same seqs on both writers: each process numbers its own, so seq cannot order replicas.
      const fromB = events(15);
      await a.append(fromA);
      await b.append(fromB);
      const seenByB = await followUntil(
        b,
        undefined,
        fromA.map((e) => e.id),
      );
      await followUntil(
        a,
        undefined,
        fromB.map((e) => e.id),
      );
      expect((await followAll(b, seenByB.cursor)).ids).toEqual([]);
    });

    it('does not skip a transaction that committed after a later one (the cursor waits for it)', async () => {
      const { cursor: start } = await followAll(b, undefined);
      const slow = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await slow.connect();
      try {
        // A writer whose transaction began (and took its id) first, but commits last.
        await slow.query('BEGIN');
        await slow.query(
          `INSERT INTO "${schema}".raceway_events
           (id, trace_id, seq, time_us, timestamp, kind, service, thread, doc, origin)
         VALUES ('slow-1', 'slow-trace', 1, 0, '2026-01-01T00:00:00Z', 'Custom', 's', 't',
                 '{"id":"slow-1"}', 'other')`,
        );
        const quick = events(3);
        await a.append(quick);
        const meanwhile = await followAll(b, start);
        expect(meanwhile.ids).not.toContain('slow-1');
        await slow.query('COMMIT');
        const rest = [...quick.map((e) => e.id), 'slow-1'].filter(
          (id) => !meanwhile.ids.includes(id),
        );
        const after = await followUntil(b, meanwhile.cursor, rest);
        expect(after.ids).toContain('slow-1');
      } finally {
        await slow.end();
      }
    });

    it('orders by transaction as a number, so xact 9 comes before xact 10', async () => {
      const { cursor: start } = await followAll(b, undefined);
      const sql = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await sql.connect();
      try {
        // Rows older than every real transaction, written as by a writer whose ids had fewer digits.
        await sql.query(
          `INSERT INTO "${schema}".raceway_events
           (id, trace_id, seq, time_us, timestamp, kind, service, thread, doc, origin, xact)
         VALUES ('xact-10', 'digits', 1, 0, '2026-01-01T00:00:00Z', 'Custom', 's', 't',
                 '{"id":"xact-10"}', 'other', 10),
                ('xact-9', 'digits', 2, 0, '2026-01-01T00:00:00Z', 'Custom', 's', 't',
                 '{"id":"xact-9"}', 'other', 9)`,
        );
      } finally {
        await sql.end();
      }
      const fresh = await open('fresh');
      const first = await fresh.follow(undefined, 1);
      const second = await fresh.follow(first.cursor, 1);
      expect([...first.events, ...second.events].map((e) => e.id)).toEqual(['xact-9', 'xact-10']);
      // b's cursor was already past both: they sort before everything it has read.
      expect((await followAll(b, start)).ids).not.toContain('xact-9');
    });

    it('tells the other writers which traces were deleted, in commit order with the events', async () => {
      const { cursor: start } = await followAll(b, undefined);
      const doomed = events(5);
      await a.append(doomed);
      const traceId = doomed[0]!.trace_id;
      expect(await a.deleteTrace(traceId)).toBe(true);
      const again = events(2).map((e) => ({ ...e, trace_id: traceId }));
      await a.append(again); // the same trace, re-sent after its deletion

      const steps: Array<{ events: string[]; deleted: string[] }> = [];
      await vi.waitFor(async () => {
        let cursor = start;
        steps.length = 0;
        for (;;) {
          const batch = await b.follow(cursor, 100);
          if (batch.events.length > 0 || batch.deletedTraceIds.length > 0)
            steps.push({ events: batch.events.map((e) => e.id), deleted: batch.deletedTraceIds });
          cursor = batch.cursor;
          if (batch.caughtUp) break;
        }
        // The deleted events are gone from the store; the deletion comes before the re-sent events.
        expect(steps).toEqual([
          { events: [], deleted: [traceId] },
          { events: again.map((e) => e.id).sort(), deleted: [] },
        ]);
      });
      // The deleting writer does not hear of its own deletion (its engine forgot the trace already).
      const own = await a.follow(undefined, 10_000);
      expect(own.deletedTraceIds).not.toContain(traceId);
    });

    it('follows the rows of an earlier life of the same replica name (after a restart)', async () => {
      const before = events(4);
      await a.append(before);
      const restarted = await open('a');
      await vi.waitFor(async () => {
        const seen = await followAll(restarted, undefined);
        expect(seen.ids).toEqual(expect.arrayContaining(before.map((e) => e.id)));
      });
    });
  },
);
