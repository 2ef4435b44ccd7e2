import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  dropSchemas,
  TEST_DATABASE_URL,
  unreachableReason,
} from '../../src/store/postgres/test-database.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { startTestCollector, type TestCollector } from '../../src/testing/start-test-collector.js';
import { postBatch } from '../../src/testing/post-batch.js';
import { s1Trace } from '../api/s1-trace.js';
import { createTestSchema } from './postgres-test-schema.js';

const unreachable = await unreachableReason();

/** Every read route whose answer depends on stored events and engine state. */
function routes(raceTrace: string, plainTrace: string): string[] {
  const perTrace = (id: string) => [
    `/api/traces/${id}`,
    `/api/traces/${id}/races`,
    `/api/traces/${id}/audit-trail/balance`,
    `/api/traces/${id}/critical-path`,
    `/api/traces/${id}/anomalies`,
    `/api/traces/${id}/dependencies`,
    `/api/traces/${id}/graph`,
  ];
  return [
    '/api/traces?page=1&page_size=50',
    '/api/traces?page=1&page_size=50&service=web',
    ...perTrace(raceTrace),
    ...perTrace(plainTrace),
    '/api/services',
    '/api/services/web/dependencies',
    '/api/services/banking-api/traces',
    '/api/analyze/global',
    '/api/distributed/global-races',
    '/api/distributed/edges',
  ];
}

async function answers(collector: TestCollector, paths: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const path of paths) {
    const res = await fetch(`${collector.url}${path}`);
    out.set(path, { status: res.status, body: await res.json() });
  }
  return out;
}

describe.skipIf(unreachable !== undefined)('a collector on Postgres across a restart', () => {
  let schema: string;
  let url: string;

  beforeAll(async () => {
    ({ schema, url } = await createTestSchema('restart'));
  });
  afterAll(() => dropSchemas([schema]));

  it('answers every API route the same after a restart, rebuilt by replay at boot', async () => {
    const raceTrace = randomUUID();
    const plain = realisticBatch({ events: 70, services: ['banking-api', 'ledger'] });
    const plainTrace = plain[0]!.trace_id;

    const first = await startTestCollector({ storage: 'postgres', databaseUrl: url });
    let before: Map<string, unknown>;
    try {
      expect((await postBatch(first, s1Trace(raceTrace))).status).toBe(200);
      expect((await postBatch(first, plain)).status).toBe(200);
      before = await answers(first, routes(raceTrace, plainTrace));
    } finally {
      await first.close();
    }
    const races = before.get(`/api/traces/${raceTrace}/races`) as { status: number; body: unknown };
    expect(races.status).toBe(200);
    expect(JSON.stringify(races.body)).toContain('balance');

    const second = await startTestCollector({ storage: 'postgres', databaseUrl: url });
    try {
      // Boot replay progress, in the old /health shape (spec §3.4): every stored event replayed.
      const health = (await (await fetch(`${second.url}/health`)).json()) as { data: object };
      expect(health.data).toMatchObject({ phase: 'completed', ready: true, processed_traces: 74 });
      const after = await answers(second, routes(raceTrace, plainTrace));
      for (const [path, answer] of before)
        expect({ path, answer: after.get(path) }).toEqual({ path, answer });
    } finally {
      await second.close();
    }
  });

  // With replica following on (the default), `Store.follow` only returns rows below the oldest running
  // transaction on the server; boot therefore replays the store in full and only then follows.
  it('replays every stored event at boot while another session holds a transaction open', async () => {
    const own = await createTestSchema('restart_held');
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_current_xact_id()');
      const first = await startTestCollector({ storage: 'postgres', databaseUrl: own.url });
      try {
        expect((await postBatch(first, realisticBatch({ events: 14 }))).status).toBe(200);
      } finally {
        await first.close();
      }
      const second = await startTestCollector({ storage: 'postgres', databaseUrl: own.url });
      try {
        const health = (await (await fetch(`${second.url}/health`)).json()) as { data: object };
        expect(health.data).toMatchObject({ phase: 'completed', processed_traces: 14 });
      } finally {
        await second.close();
      }
    } finally {
      await holder.query('COMMIT').catch(() => undefined);
      await holder.end();
      await dropSchemas([own.schema]);
    }
  });
});

if (unreachable !== undefined) {
  describe(`collector restart on Postgres (skipped: no Postgres at RACEWAY_TEST_DATABASE_URL: ${unreachable})`, () => {
    it.skip('needs a reachable Postgres server', () => undefined);
  });
}
