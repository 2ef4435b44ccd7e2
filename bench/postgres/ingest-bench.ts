import pg from 'pg';
import type { StoredEvent } from '../../collector/src/model/stored-event.js';
import { createPostgresStore } from '../../collector/src/store/postgres/postgres-store.js';
import { copyRows } from './copy-rows.js';
import { EVENT_COLUMNS, eventRows } from './event-rows.js';

export interface IngestRun {
  events: number;
  batchSize: number;
  /** Appends in flight at once. */
  concurrency: number;
  eventsPerSec: number;
  /** Every round's rate, when several rounds were run. */
  samples?: number[];
}

/** Appends `events` through the Store in batches, `concurrency` batches in flight. */
export async function storeIngest(
  url: string,
  schema: string,
  events: readonly StoredEvent[],
  batchSize: number,
  concurrency: number,
): Promise<IngestRun> {
  const store = createPostgresStore({ url, schema, poolSize: Math.max(2, concurrency) });
  await store.start();
  try {
    const batches: StoredEvent[][] = [];
    for (let i = 0; i < events.length; i += batchSize) batches.push(events.slice(i, i + batchSize));
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches.length) await store.append(batches[next++]!);
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    return { events: events.length, batchSize, concurrency, eventsPerSec: events.length / seconds };
  } finally {
    await store.shutdown();
  }
}

/** The same rows, encoded by the same column code, in one raw `COPY` into an empty events table. */
export async function rawCopy(
  url: string,
  schema: string,
  events: readonly StoredEvent[],
): Promise<number> {
  // Migrate the schema through the store so the table and its indexes are identical.
  const store = createPostgresStore({ url, schema, poolSize: 1 });
  await store.start();
  await store.shutdown();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = performance.now();
    await copyRows(client, `"${schema}".raceway_events`, EVENT_COLUMNS, eventRows(events));
    return events.length / ((performance.now() - start) / 1000);
  } finally {
    await client.end();
  }
}
