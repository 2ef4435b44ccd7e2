import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  type TestCollector,
} from '../../collector/src/testing/start-test-collector.js';
import { runBankingScenario } from '../../examples/banking/run-scenario.js';

interface Envelope<T> {
  success: boolean;
  data: T;
}
interface GlobalAnalysis {
  potential_races: number;
  race_details: Array<{ variable: string; severity: string; trace1_id: string; trace2_id: string }>;
}
interface TraceRaces {
  race_details: Array<{ variable: string }>;
}

async function get<T>(collector: TestCollector, path: string): Promise<T> {
  const res = await fetch(`${collector.url}${path}`);
  expect(res.status, path).toBe(200);
  return ((await res.json()) as Envelope<T>).data;
}

// The banking example (two real services on the bridge, two concurrent transfers) against a real collector.
describe.each(['otlp-http', 'otlp-proto', 'otlp-grpc', 'native'] as const)(
  'banking example over %s',
  (transport) => {
    let collector: TestCollector;
    beforeAll(async () => {
      collector = await startTestCollector();
    });
    afterAll(async () => {
      await collector.close();
    });

    it('finds the lost update on alice.balance between concurrent transfers', async () => {
      const result = await runBankingScenario({
        ...target(collector),
        variant: 'racy',
        transport,
      });
      expect(result.aliceBalance).toBe(900); // the business symptom: one debit lost
      const global = await get<GlobalAnalysis>(collector, '/api/analyze/global?limit=1000');
      const onBalance = global.race_details.filter((r) => r.variable === 'alice.balance');
      expect(onBalance.map((r) => r.severity)).toContain('CRITICAL');
      expect(onBalance.every((r) => r.trace1_id !== r.trace2_id)).toBe(true);

      // The caller's write and the ledger's write of a transfer's status are ordered by the call.
      for (const id of await traceIds(collector)) {
        const races = await get<TraceRaces>(collector, `/api/traces/${id}/races`);
        expect(races.race_details.filter((r) => r.variable.startsWith('transfer:'))).toEqual([]);
      }
    });

    it('reports no race once each balance is guarded by a lock', async () => {
      await fetchAll(collector, 'DELETE');
      const result = await runBankingScenario({
        ...target(collector),
        variant: 'locked',
        transport,
      });
      expect(result.aliceBalance).toBe(result.expectedBalance);
      const global = await get<GlobalAnalysis>(collector, '/api/analyze/global?limit=1000');
      expect(global.race_details.filter((r) => r.variable === 'alice.balance')).toEqual([]);
    });
  },
);

/** Where the services export: the API port, and the gRPC port for `otlp-grpc`. */
function target(collector: TestCollector): { collectorUrl: string; grpcUrl?: string } {
  return collector.otlpGrpcUrl === undefined
    ? { collectorUrl: collector.url }
    : { collectorUrl: collector.url, grpcUrl: collector.otlpGrpcUrl };
}

async function traceIds(collector: TestCollector): Promise<string[]> {
  const list = await get<{ traces: Array<{ trace_id: string }> }>(
    collector,
    '/api/traces?page_size=100',
  );
  return list.traces.map((t) => t.trace_id);
}

async function fetchAll(collector: TestCollector, method: 'DELETE'): Promise<void> {
  for (const id of await traceIds(collector))
    await fetch(`${collector.url}/api/traces/${id}`, { method });
}
