import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { s5, s6 } from '../../src/engine/fixtures/scenarios.js';
import type { RacewayEvent } from '../../src/model/event.js';
import { dropSchemas, unreachableReason } from '../../src/store/postgres/test-database.js';
import { createTestSchema } from '../postgres/postgres-test-schema.js';
import { getData, inTrace } from '../scenarios/scenario-client.js';
import { startServeProcess, type ServeProcess } from './serve-process.js';

const unreachable = await unreachableReason();

describe.skipIf(unreachable !== undefined)(
  'three `raceway serve` processes on one Postgres',
  () => {
    let schema: string;
    const processes: ServeProcess[] = [];

    beforeAll(async () => {
      const created = await createTestSchema('serve_cluster');
      schema = created.schema;
      const started = await Promise.all(
        ['raceway-0', 'raceway-1', 'raceway-2'].map((name) =>
          startServeProcess({
            RACEWAY_STORAGE: 'postgres',
            RACEWAY_DATABASE_URL: created.url,
            RACEWAY_REPLICA_ID: name,
            RACEWAY_FOLLOW_INTERVAL: '50ms',
          }),
        ),
      );
      processes.push(...started);
    }, 60_000);
    afterAll(async () => {
      try {
        await Promise.all(processes.map((p) => p.stop()));
      } finally {
        await dropSchemas([schema]);
      }
    });

    it('gives the same global races from every process when the racing traces went to different ones', async () => {
      const [p0, p1, p2] = processes;
      const sends: Array<[ServeProcess, RacewayEvent[]]> = [
        [p0!, inTrace(s5(), 0)],
        [p1!, inTrace(s5(), 1)],
        [p1!, inTrace(s6(), 0)],
        [p2!, inTrace(s6(), 1)],
      ];
      for (const [target, events] of sends) {
        const res = await fetch(`${target.url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        expect(res.status).toBe(200);
      }
      const views = async () =>
        Promise.all(
          processes.map(async (p) => [
            await getData(p.url, '/api/analyze/global'),
            await getData(p.url, '/api/distributed/global-races'),
          ]),
        );
      await vi.waitFor(
        async () => {
          for (const [global] of await views()) expect(global.potential_races).toBe(4);
        },
        { timeout: 30_000, interval: 100 },
      );
      const [first, ...others] = await views();
      for (const view of others) expect(view).toEqual(first);
      for (const [i, p] of processes.entries()) {
        const health = await getData(p.url, '/health');
        expect(health.cluster.replica_id).toBe(`raceway-${i}`);
      }
    }, 60_000);
  },
);
