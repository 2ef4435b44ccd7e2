import { gzipSync } from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import { decodeRpcStatus, decodeTraceResponse } from '@raceway/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../src/testing/start-test-collector.js';
import { grpcExport } from './support/grpc-export.js';
import { RecordingService, at, toJson, toProtobuf } from './support/recorded-spans.js';

const PB = 'application/x-protobuf';
const KEY = 'otlp-test-key';

function spansOf(name: string, withInvalid = false): { svc: RecordingService; traceUuid: string } {
  const svc = new RecordingService({ 'service.name': name });
  const root = svc.start('root', 0);
  root.addEvent(
    'raceway.state_change',
    { 'raceway.variable.name': 'x', 'raceway.access.type': 'write' },
    at(1),
  );
  root.end(at(2));
  if (withInvalid) {
    const bad = svc.start('bad', 0, { parent: root });
    bad.addEvent(
      'raceway.state_change',
      { 'raceway.access.type': 'sideways', 'raceway.variable.name': 'x' },
      at(1),
    );
    bad.end(at(2));
  }
  const hex = root.spanContext().traceId;
  return {
    svc,
    traceUuid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
}

describe('OTLP receivers of a running collector', () => {
  let collector: TestCollector;
  const headers = { authorization: `Bearer ${KEY}` };

  beforeAll(async () => {
    collector = await startTestCollector({ apiKeys: [KEY] });
  });
  afterAll(() => collector.close());

  const traceCount = async (): Promise<number> => {
    const res = await fetch(`${collector.url}/api/traces`, { headers });
    return ((await res.json()) as { data: { total_traces: number } }).data.total_traces;
  };

  it.each([
    ['protobuf', PB, Buffer.from([0x0a, 0x05, 0x01])],
    [
      'JSON',
      'application/json',
      Buffer.from('{"resourceSpans":[{"scopeSpans":[{"spans":"nope"}]}]}'),
    ],
  ])('answers 400 to a malformed %s body and stores nothing', async (_n, type, body) => {
    const before = await traceCount();
    const res = await fetch(`${collector.otlpHttpUrl}/v1/traces`, {
      method: 'POST',
      headers: { ...headers, 'content-type': type },
      body,
    });
    expect(res.status).toBe(400);
    const raw = Buffer.from(await res.arrayBuffer());
    const status =
      type === PB
        ? decodeRpcStatus(raw)
        : (JSON.parse(raw.toString()) as { code: number; message: string });
    expect(status.code).toBe(3);
    expect(status.message.length).toBeGreaterThan(0);
    expect(await traceCount()).toBe(before);
  });

  it('reports mixed valid and invalid spans as partial_success and stores the valid ones (gzip, API port)', async () => {
    const { svc, traceUuid } = spansOf('mixed', true);
    const res = await fetch(`${collector.url}/v1/traces`, {
      method: 'POST',
      headers: { ...headers, 'content-type': PB, 'content-encoding': 'gzip' },
      body: gzipSync(toProtobuf(svc.spans())),
    });
    expect(res.status).toBe(200);
    const partial = decodeTraceResponse(Buffer.from(await res.arrayBuffer()));
    expect(partial?.rejected).toBe(1);
    expect(partial?.errorMessage).toContain('raceway.access.type "sideways"');
    const trace = await fetch(`${collector.url}/api/traces/${traceUuid}`, { headers });
    const { events } = (
      (await trace.json()) as {
        data: { events: Array<{ metadata: { tags: Record<string, string> } }> };
      }
    ).data;
    expect(events.map((e) => e.metadata.tags['otel.span_name'])).toEqual(['root', 'root']);
  });

  it('accepts OTLP/JSON on the OTLP port and is idempotent when the export is re-sent', async () => {
    const { svc, traceUuid } = spansOf('json');
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${collector.otlpHttpUrl}/v1/traces`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: toJson(svc.spans()),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
    }
    const trace = await fetch(`${collector.url}/api/traces/${traceUuid}`, { headers });
    expect(((await trace.json()) as { data: { events: unknown[] } }).data.events).toHaveLength(2);
  });

  it('refuses OTLP/HTTP without the API key', async () => {
    const res = await fetch(`${collector.otlpHttpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': PB },
      body: toProtobuf(spansOf('nokey').svc.spans()),
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ['authorization', `Bearer ${KEY}`],
    ['x-raceway-api-key', KEY],
  ])('accepts a gzip-compressed gRPC export with the key in %s metadata', async (name, value) => {
    const { svc, traceUuid } = spansOf(`grpc-${name}`);
    const { error, response } = await grpcExport(
      collector.otlpGrpcUrl!,
      toProtobuf(svc.spans()),
      { [name]: value },
      { 'grpc.default_compression_algorithm': grpc.compressionAlgorithms.gzip },
    );
    expect(error).toBeNull();
    expect(decodeTraceResponse(response!)).toBeUndefined();
    const trace = await fetch(`${collector.url}/api/traces/${traceUuid}`, { headers });
    expect(trace.status).toBe(200);
  });

  it('answers UNAUTHENTICATED over gRPC without a key and INVALID_ARGUMENT for bad data', async () => {
    const body = toProtobuf(spansOf('grpc-bad').svc.spans());
    expect((await grpcExport(collector.otlpGrpcUrl!, body)).error?.code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
    const bad = await grpcExport(collector.otlpGrpcUrl!, Buffer.from([0x0a, 0x05, 0x01]), {
      authorization: `Bearer ${KEY}`,
    });
    expect(bad.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(bad.error?.details).toMatch(/malformed protobuf/);
  });
});
