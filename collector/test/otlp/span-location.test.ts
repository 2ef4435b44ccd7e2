import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../src/testing/start-test-collector.js';
import { RecordingService, at, toJson } from './support/recorded-spans.js';

interface PathStep {
  kind: string;
  location: string;
}
interface FunctionCallEvent {
  kind: { FunctionCall?: { function_name: string; file: string; line: number } };
}

/** An OTel JS service's spans, exported as OTLP/JSON, then the trace's critical path and events. */
describe('the location of an OTLP span', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector();
  });
  afterAll(() => collector.close());

  async function ingest(svc: RecordingService): Promise<string> {
    const res = await fetch(`${collector.otlpHttpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: toJson(svc.spans()),
    });
    expect(res.status).toBe(200);
    const hex = svc.spans()[0]!.spanContext().traceId;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  async function get<T>(path: string): Promise<T> {
    const res = await fetch(`${collector.url}${path}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: T }).data;
  }

  it('is empty, not ":0", when the span has no code.* attributes', async () => {
    const svc = new RecordingService({ 'service.name': 'no-code-attrs' });
    svc.start('a', 0).end(at(5));
    const id = await ingest(svc);
    const path = await get<{ path: PathStep[] }>(`/api/traces/${id}/critical-path`);
    expect(path.path).toEqual([expect.objectContaining({ kind: 'FunctionCall(a)', location: '' })]);
    const trace = await get<{ events: FunctionCallEvent[] }>(`/api/traces/${id}`);
    expect(trace.events[0]?.kind.FunctionCall).toMatchObject({ function_name: 'a', file: '' });
  });

  it('is file:line when the span names its code', async () => {
    const svc = new RecordingService({ 'service.name': 'code-attrs' });
    svc
      .start('transfer', 0, { attributes: { 'code.file.path': 'bank.ts', 'code.line.number': 12 } })
      .end(at(5));
    const id = await ingest(svc);
    const path = await get<{ path: PathStep[] }>(`/api/traces/${id}/critical-path`);
    expect(path.path).toEqual([
      expect.objectContaining({ kind: 'FunctionCall(transfer)', location: 'bank.ts:12' }),
    ]);
  });
});
