import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import {
  dropSchemas,
  TEST_DATABASE_URL,
  uniqueSchema,
} from '../../collector/src/store/postgres/test-database.js';
import { realisticBatch, storedEvents } from '../../collector/src/testing/realistic-batch.js';
import { rawCopy, storeIngest, type IngestRun } from './ingest-bench.js';
import { percentile } from './percentiles.js';
import { queryLatency, type QueryRun } from './query-bench.js';

export interface PostgresBenchOptions {
  /** Default: `RACEWAY_TEST_DATABASE_URL` or the local test database. */
  url?: string;
  /** Events per ingest run (default 100 000). */
  ingestEvents?: number;
  /** Events per `append` (default 1000). */
  batchSize?: number;
  /** Events in the query database (default 1 000 000). */
  databaseEvents?: number;
  /** Events of the one big trace (default 10 000). */
  bigTraceEvents?: number;
  /** Ingest rounds; medians are reported (default 3). */
  rounds?: number;
  /** Measured runs per query (default 30). */
  queryRuns?: number;
  log?: (line: string) => void;
}

export interface PostgresBenchResult {
  date: string;
  conditions: {
    postgres: string;
    node: string;
    cpus: number;
    cpuModel: string;
    /** 1-minute load average when the run started (other work on the host skews absolute rates). */
    loadAverage: number;
  };
  rounds: number;
  /** Raw COPY of the same rows into an identical empty table, same run (median of the rounds). */
  copyEventsPerSec: number;
  copySamples: number[];
  ingest: IngestRun[];
  queries: QueryRun;
}

/**
 * Sustained ingest through the Postgres store against a raw COPY of the same rows, and query latency on
 * a database of a million events. Every schema it creates is dropped afterwards.
 */
export async function runPostgresBench(
  options: PostgresBenchOptions = {},
): Promise<PostgresBenchResult> {
  const url = options.url ?? TEST_DATABASE_URL;
  const log = options.log ?? (() => undefined);
  const ingestEvents = options.ingestEvents ?? 100_000;
  const batchSize = options.batchSize ?? 1000;
  const rounds = options.rounds ?? 3;
  const schemas: string[] = [];
  const schema = (label: string): string => {
    const name = uniqueSchema(`bench_${label}`);
    schemas.push(name);
    return name;
  };
  const loadAverage = loadavg()[0] ?? 0;
  try {
    const postgres = await serverVersion(url);
    const events = storedEvents(
      realisticBatch({ events: ingestEvents, services: ['banking-api', 'ledger', 'notifier'] }),
      1,
    );
    // The host is shared, so single runs are noisy: each round runs raw COPY and every store
    // configuration on fresh tables, and the medians over the rounds are compared.
    const configs = [
      [batchSize, 1],
      [5 * batchSize, 1],
      [batchSize, 4],
    ] as const;
    const copyRates: number[] = [];
    const storeRates: number[][] = configs.map(() => []);
    for (let round = 0; round < rounds; round++) {
      log(`round ${round + 1}/${rounds}: raw COPY of ${ingestEvents} events…`);
      copyRates.push(await rawCopy(url, schema(`copy${round}`), events));
      for (const [i, [size, concurrency]] of configs.entries()) {
        log(`round ${round + 1}/${rounds}: store append, ${concurrency} × ${size} in flight…`);
        const run = await storeIngest(url, schema(`store${round}${i}`), events, size, concurrency);
        storeRates[i]!.push(run.eventsPerSec);
      }
      await dropSchemas(schemas.splice(0), url);
    }
    const copyEventsPerSec = median(copyRates);
    const ingest: IngestRun[] = configs.map(([size, concurrency], i) => ({
      events: ingestEvents,
      batchSize: size,
      concurrency,
      eventsPerSec: median(storeRates[i]!),
      samples: storeRates[i]!,
    }));
    await dropSchemas(schemas.splice(0), url);
    log(`loading ${options.databaseEvents ?? 1_000_000} events for the query benchmark…`);
    const queries = await queryLatency(
      url,
      schema('query'),
      options.databaseEvents ?? 1_000_000,
      options.bigTraceEvents ?? 10_000,
      options.queryRuns ?? 30,
    );
    return {
      date: new Date().toISOString(),
      conditions: {
        postgres,
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        loadAverage,
      },
      rounds,
      copyEventsPerSec,
      copySamples: copyRates,
      ingest,
      queries,
    };
  } finally {
    await dropSchemas(schemas, url);
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version') AS v",
    );
    return rows[0]?.v ?? 'unknown';
  } finally {
    await client.end();
  }
}

const median = (samples: readonly number[]): number => percentile(samples, 50);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const range = (samples: readonly number[]): string =>
  samples.length === 0 ? '–' : `${int(Math.min(...samples))} – ${int(Math.max(...samples))}`;
const ms = (n: number): string => n.toFixed(n < 10 ? 2 : 1);

/** The result as the Markdown of the Postgres section of bench/RESULTS.md. */
export function formatPostgresBench(r: PostgresBenchResult): string {
  const q = r.queries;
  const lines = [
    `Run ${r.date}: PostgreSQL ${r.conditions.postgres} on the same host, Node ${r.conditions.node}, ` +
      `${r.conditions.cpus} × ${r.conditions.cpuModel}, load average ${r.conditions.loadAverage.toFixed(1)} ` +
      'at the start; default server settings (fsync and synchronous_commit on); schemas created and ' +
      `dropped by the run. Ingest: ${r.rounds} rounds, each a raw COPY and every store run on fresh ` +
      'tables; medians shown.',
    '',
    '| Ingest path | events | batch | in flight | events/s (median) | range over rounds | vs raw COPY |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| raw COPY (same rows, same table) | ${int(r.ingest[0]?.events ?? 0)} | – | 1 | ` +
      `${int(r.copyEventsPerSec)} | ${range(r.copySamples)} | 1.00 |`,
    ...r.ingest.map(
      (run) =>
        `| Store.append (events + trace summaries) | ${int(run.events)} | ${run.batchSize} | ` +
        `${run.concurrency} | ${int(run.eventsPerSec)} | ${range(run.samples ?? [])} | ` +
        `${(run.eventsPerSec / r.copyEventsPerSec).toFixed(2)} |`,
    ),
    '',
    `Queries on ${int(q.databaseEvents)} events in ${int(q.traces)} traces ` +
      `(loaded by COPY in ${q.loadSeconds.toFixed(0)} s), ${q.listFirstPage.runs} runs each after 3 warm-ups:`,
    '',
    '| Query | p50 ms | p95 ms |',
    '|---|---:|---:|',
    `| listTraces page 1 of 50, with total | ${ms(q.listFirstPage.p50)} | ${ms(q.listFirstPage.p95)} |`,
    `| listTraces by service, page 1 of 50 | ${ms(q.listByService.p50)} | ${ms(q.listByService.p95)} |`,
    `| listTraces page 200 of 50 | ${ms(q.listDeepPage.p50)} | ${ms(q.listDeepPage.p95)} |`,
    `| traceEvents, ${int(q.bigTraceEvents)}-event trace | ${ms(q.bigTrace.p50)} | ${ms(q.bigTrace.p95)} |`,
    `| traceSummary of that trace | ${ms(q.bigTraceSummary.p50)} | ${ms(q.bigTraceSummary.p95)} |`,
    `| enforceRetention, nothing over the count, size and age limits | ${ms(q.retentionNoop.p50)} | ` +
      `${ms(q.retentionNoop.p95)} |`,
    '',
    `Boot replay (\`Store.replay\`, batches of 1000 in seq order, parsed events handed to a no-op): ` +
      `${int(q.replayEventsPerSec)} events/s over the ${int(q.databaseEvents)} events.`,
  ];
  return lines.join('\n');
}
