import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { StoredEvent } from '../../collector/src/model/stored-event.js';
import { createPostgresStore } from '../../collector/src/store/postgres/postgres-store.js';
import type { Store } from '../../collector/src/store/store.js';
import { realisticBatch, storedEvents } from '../../collector/src/testing/realistic-batch.js';
import { copyRows } from './copy-rows.js';
import { EVENT_COLUMNS, eventRows, TRACE_COLUMNS, traceRows } from './event-rows.js';
import { measureLatency, type Latency } from './percentiles.js';

export interface QueryRun {
  databaseEvents: number;
  traces: number;
  loadSeconds: number;
  listFirstPage: Latency;
  listByService: Latency;
  listDeepPage: Latency;
  bigTraceEvents: number;
  bigTrace: Latency;
  bigTraceSummary: Latency;
  /** `enforceRetention` when nothing is over the limits (the pipeline runs it every 5 s). */
  retentionNoop: Latency;
  /** Boot replay: every stored event through `Store.replay` in seq order, into a no-op consumer. */
  replayEventsPerSec: number;
}

const SERVICES = ['banking-api', 'ledger', 'notifier', 'fraud-check'];
const CHUNK = 7000;

async function replayRate(store: Store): Promise<number> {
  let replayed = 0;
  const start = performance.now();
  await store.replay((batch) => void (replayed += batch.length));
  return replayed / ((performance.now() - start) / 1000);
}

/**
 * Loads `total` events with COPY (one trace of `bigTrace` events, the rest as 7-event requests spread
 * over four services), then times the store's queries on it.
 */
export async function queryLatency(
  url: string,
  schema: string,
  total: number,
  bigTrace: number,
  runs: number,
): Promise<QueryRun> {
  const store = createPostgresStore({ url, schema, poolSize: 2 });
  await store.start();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const events = `"${schema}".raceway_events`;
    const traces = `"${schema}".raceway_traces`;
    const load = async (batch: StoredEvent[]): Promise<void> => {
      await copyRows(client, events, EVENT_COLUMNS, eventRows(batch));
      await copyRows(client, traces, TRACE_COLUMNS, traceRows(batch, Date.now()));
    };
    const loadStart = performance.now();
    const bigId = randomUUID();
    const big = storedEvents(realisticBatch({ events: bigTrace, services: SERVICES }), 1).map(
      (e) => ({ ...e, trace_id: bigId }),
    );
    await load(big);
    let seq = bigTrace + 1;
    for (let loaded = bigTrace; loaded < total; loaded += CHUNK) {
      const count = Math.min(CHUNK, total - loaded);
      await load(storedEvents(realisticBatch({ events: count, services: SERVICES }), seq));
      seq += count;
    }
    await client.query(`ANALYZE ${events}; ANALYZE ${traces}`);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const stats = await store.stats();

    return {
      databaseEvents: stats.events,
      traces: stats.traces,
      loadSeconds,
      listFirstPage: await measureLatency(() => store.listTraces({ page: 1, pageSize: 50 }), runs),
      listByService: await measureLatency(
        () => store.listTraces({ page: 1, pageSize: 50, service: 'ledger' }),
        runs,
      ),
      listDeepPage: await measureLatency(() => store.listTraces({ page: 200, pageSize: 50 }), runs),
      bigTraceEvents: (await store.traceEvents(bigId)).length,
      bigTrace: await measureLatency(() => store.traceEvents(bigId), runs),
      bigTraceSummary: await measureLatency(() => store.traceSummary(bigId), runs),
      retentionNoop: await measureLatency(
        () =>
          store.enforceRetention(
            { maxTraces: 10 * total, maxBytes: Number.MAX_SAFE_INTEGER, maxAgeMs: 86_400_000 },
            Date.now(),
          ),
        runs,
      ),
      replayEventsPerSec: await replayRate(store),
    };
  } finally {
    await client.end();
    await store.shutdown();
  }
}
