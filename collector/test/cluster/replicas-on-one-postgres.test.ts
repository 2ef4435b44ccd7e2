import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { s5, s6 } from '../../src/engine/fixtures/scenarios.js';
import type { RacewayEvent } from '../../src/model/event.js';
import { dropSchemas, unreachableReason } from '../../src/store/postgres/test-database.js';
import { startTestCollector, type TestCollector } from '../../src/testing/start-test-collector.js';
import { postBatch } from '../../src/testing/post-batch.js';
import { createTestSchema } from '../postgres/postgres-test-schema.js';
import { getData, inTrace, type Json } from '../scenarios/scenario-client.js';

const unreachable = await unreachableReason();

async function post(replica: TestCollector, events: readonly RacewayEvent[]): Promise<void> {
  expect((await postBatch(replica, events)).status).toBe(200);
}

const GLOBAL_ROUTES = ['/api/analyze/global', '/api/distributed/global-races'];

/** What the cross-trace routes answer on a replica. */
async function globalView(replica: TestCollector): Promise<Json[]> {
  return Promise.all(GLOBAL_ROUTES.map((path) => getData(replica.url, path)));
}

describe.skipIf(unreachable !== undefined)('collector replicas sharing one Postgres', () => {
  let schema: string;
  let url: string;
  const replicas: TestCollector[] = [];

  const startReplica = async (name: string) => {
    const replica = await startTestCollector({
      storage: 'postgres',
      databaseUrl: url,
      replicaId: name,
      followIntervalMs: 25,
    });
    replicas.push(replica);
    return replica;
  };

  beforeAll(async () => {
    ({ schema, url } = await createTestSchema('cluster'));
  });
  afterAll(async () => {
    try {
      for (const replica of replicas) await replica.close();
    } finally {
      await dropSchemas([schema]);
    }
  });

  it('reports the same cross-trace races on every replica when the racing traces went to different replicas', async () => {
    const [a, b, c] = [
      await startReplica('replica-a'),
      await startReplica('replica-b'),
      await startReplica('replica-c'),
    ];
    // As the OTel Collector's load balancer routes them: each trace whole, to one replica.
    const race = s5();
    const requests = s6('python');
    await post(a, inTrace(race, 0));
    await post(b, inTrace(race, 1));
    await post(b, inTrace(requests, 0));
    await post(c, inTrace(requests, 1));

    await vi.waitFor(
      async () => {
        for (const replica of [a, b, c]) {
          const [global] = await globalView(replica);
          // S5: one write/write pair; S6: three pairs between the two requests (spec §9).
          expect(global.potential_races).toBe(4);
        }
      },
      { timeout: 20_000, interval: 50 },
    );
    const [first, ...others] = await Promise.all([a, b, c].map(globalView));
    for (const view of others) expect(view).toEqual(first);
    const [global, candidates] = first!;
    expect(global.race_details.map((d: Json) => d.variable).sort()).toEqual([
      'alice.balance',
      'alice.balance',
      'alice.balance',
      'shared',
    ]);
    expect(candidates.races.map((r: Json) => [r.variable, r.trace_count]).sort()).toEqual([
      ['alice.balance', 2],
      ['shared', 2],
    ]);
  });

  it('lets a replica that starts later catch up from the store before it reports ready', async () => {
    const late = await startReplica('replica-late');
    const [global] = await globalView(late);
    expect(global.potential_races).toBe(4);
    expect(await globalView(late)).toEqual(await globalView(replicas[0]!));
  });

  it('forgets a trace on every replica when one replica deletes it', async () => {
    const [a] = replicas;
    const traceId = s5()[0]!.trace_id;
    expect((await fetch(`${a!.url}/api/traces/${traceId}`, { method: 'DELETE' })).status).toBe(200);
    await vi.waitFor(
      async () => {
        for (const replica of replicas) {
          const [global] = await globalView(replica);
          expect(global.potential_races).toBe(3); // S5's race is gone, S6's three remain
        }
      },
      { timeout: 20_000, interval: 50 },
    );
  });

  it('names the replica and its follower lag in /health and /metrics', async () => {
    const health = await getData(replicas[0]!.url, '/health');
    expect(health.cluster).toMatchObject({
      replica_id: 'replica-a',
      follow_interval_ms: 25,
      last_error: null,
    });
    expect(health.cluster.followed_events).toBeGreaterThan(0);
    expect(health.cluster.lag_ms).toBeGreaterThanOrEqual(0);
    const metrics = await (await fetch(`${replicas[0]!.url}/metrics`)).text();
    expect(metrics).toMatch(/^raceway_follower_lag_seconds \d/m);
    expect(metrics).toMatch(/^raceway_follower_events_total [1-9]/m);
  });
});
