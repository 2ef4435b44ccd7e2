import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CriticalPathResponse,
  ServiceDependencies,
  TraceRaces,
} from '../../src/engine/results.js';
import type { ApiEvent } from '../../src/model/stored-event.js';
import { startTestCollector, type TestCollector } from '../../src/testing/start-test-collector.js';
import { startService, type ExporterKind, type ServiceProcess } from './support/service-process.js';

/**
 * Three services (gateway → accounts → ledger) in three processes, calling each other over real HTTP with
 * W3C propagation, instrumented with @opentelemetry/sdk-node, exporting with each real OTLP exporter.
 */
describe.each<ExporterKind>(['http-json', 'proto', 'grpc'])(
  'three services exporting with %s',
  (exporter) => {
    let collector: TestCollector;
    let services: ServiceProcess[] = [];
    let traceId: string;

    const api = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${collector.url}${path}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: T }).data;
    };

    beforeAll(async () => {
      collector = await startTestCollector();
      const endpoint = exporter === 'grpc' ? collector.otlpGrpcUrl! : collector.otlpHttpUrl!;
      const ledger = await startService('ledger', exporter, endpoint);
      const accounts = await startService('accounts', exporter, endpoint, ledger.url);
      const gateway = await startService('gateway', exporter, endpoint, accounts.url);
      services = [gateway, accounts, ledger];
      const res = await fetch(`${gateway.url}/transfer`);
      expect(res.status).toBe(200);
      const hex = await res.text();
      traceId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      // Each SDK shutdown flushes its batch processor; the collector answers once events are stored.
      for (const s of services) await s.flush();
    });

    afterAll(async () => {
      for (const s of services) s.stop();
      await collector?.close();
    });

    it('receives the whole trace: every span of the three services', async () => {
      const { events } = await api<{ events: ApiEvent[] }>(`/api/traces/${traceId}`);
      const spans = new Map<string, Set<string>>();
      for (const e of events) {
        const set = spans.get(e.metadata.service_name) ?? new Set<string>();
        set.add(e.metadata.tags['otel.span_name'] ?? '');
        spans.set(e.metadata.service_name, set);
      }
      expect(Object.fromEntries([...spans].map(([k, v]) => [k, [...v].sort()]))).toEqual({
        gateway: ['GET /debit', 'GET /transfer', 'validate'],
        accounts: ['GET /audit', 'GET /debit', 'debit-worker'],
        ledger: ['GET /audit', 'persist'],
      });
      // 3 + 3 + 2 span names, 9 spans (two debit workers); each span has a distinct context.
      expect(new Set(events.map((e) => e.metadata.distributed_span_id)).size).toBe(9);
      expect(events.every((e) => e.metadata.environment === 'test')).toBe(true);
    });

    it('links the services by call edges', async () => {
      const deps = await api<ServiceDependencies>(`/api/traces/${traceId}/dependencies`);
      const edges = deps.dependencies.map((d) => `${d.from}->${d.to}`).sort();
      expect(edges).toEqual(['accounts->ledger', 'gateway->accounts']);
    });

    it('finds the critical path through all three services down to the ledger write', async () => {
      const cp = await api<CriticalPathResponse>(`/api/traces/${traceId}/critical-path`);
      const services = new Set(cp.path.map((s) => s.service_name));
      expect(services).toEqual(new Set(['gateway', 'accounts', 'ledger']));
      expect(cp.path.some((s) => s.kind.startsWith('DatabaseQuery'))).toBe(true);
      // The 30 ms persist step is the largest share of the path.
      const ledgerShare = cp.by_service.find((s) => s.service === 'ledger')?.duration_ms;
      expect(ledgerShare).toBeGreaterThanOrEqual(25);
    });

    it('reports the two concurrent debit workers as a write/write race, not the audit cursor ordered by the call', async () => {
      const races = await api<TraceRaces>(`/api/traces/${traceId}/races`);
      const variables = races.race_details.map((r) => r.variable);
      expect(variables).toContain('balance');
      expect(variables).not.toContain('audit.cursor');
      const balance = races.race_details.find((r) => r.variable === 'balance');
      expect(balance?.severity).toBe('CRITICAL');
    });
  },
);
