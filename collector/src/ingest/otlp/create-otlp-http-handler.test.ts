import { decodeLogsResponse, decodeRpcStatus, decodeTraceResponse } from '@raceway/proto';
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { CollectingSink } from '../../../test/otlp/support/collecting-sink.js';
import { RecordingLogs } from '../../../test/otlp/support/recorded-logs.js';
import {
  RecordingService,
  at,
  toJson,
  toProtobuf,
} from '../../../test/otlp/support/recorded-spans.js';
import { BackpressureError } from '../../errors/raceway-error.js';
import { CollectorMetrics } from '../../metrics/collector-metrics.js';
import { createOtlpHttpHandler } from './create-otlp-http-handler.js';
import type { OtlpHttpHandler } from './otlp-http-handler.js';

const PB = 'application/x-protobuf';
const JSON_TYPE = 'application/json';

function twoSpansOneBad(): RecordingService {
  const svc = new RecordingService({ 'service.name': 'svc' });
  svc.start('good', 0).end(at(1));
  const bad = svc.start('bad', 0);
  bad.addEvent('raceway.state_change', { 'raceway.access.type': 'write' }, at(1));
  bad.end(at(2));
  return svc;
}

describe('createOtlpHttpHandler', () => {
  let sink: CollectingSink;
  let metrics: CollectorMetrics;
  let handle: OtlpHttpHandler;
  beforeEach(() => {
    sink = new CollectingSink();
    metrics = new CollectorMetrics({ processMetrics: false });
    handle = createOtlpHttpHandler({ sink, metrics, logger: pino({ level: 'silent' }) });
  });

  it('accepts a protobuf export and answers an empty ExportTraceServiceResponse in protobuf', async () => {
    const svc = new RecordingService({ 'service.name': 'svc' });
    svc.start('a', 0).end(at(1));
    const res = await handle({ signal: 'traces', contentType: PB, body: toProtobuf(svc.spans()) });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe(PB);
    expect(decodeTraceResponse(res.body)).toBeUndefined();
    expect(sink.events).toHaveLength(1);
    expect((await metrics.accepted.get()).values[0]?.value).toBe(1);
  });

  it('accepts a JSON export and answers {} in JSON', async () => {
    const svc = new RecordingService({ 'service.name': 'svc' });
    svc.start('a', 0).end(at(1));
    const res = await handle({
      signal: 'traces',
      contentType: JSON_TYPE,
      body: toJson(svc.spans()),
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe(JSON_TYPE);
    expect(JSON.parse(res.body.toString())).toEqual({});
  });

  it('reports partial_success with the rejected count and keeps the valid spans (protobuf)', async () => {
    const res = await handle({
      signal: 'traces',
      contentType: PB,
      body: toProtobuf(twoSpansOneBad().spans()),
    });
    expect(res.status).toBe(200);
    const partial = decodeTraceResponse(res.body);
    expect(partial?.rejected).toBe(1);
    expect(partial?.errorMessage).toMatch(
      /1 span\(s\) rejected: span [0-9a-f]{16} of trace [0-9a-f]{32}: span event 0 \(raceway.state_change\): raceway.variable.name is missing/,
    );
    expect(sink.events.map((e) => e.metadata.tags['otel.span_name'])).toEqual(['good']);
  });

  it('reports partial_success in JSON with rejectedSpans as an int64 string', async () => {
    const res = await handle({
      signal: 'traces',
      contentType: JSON_TYPE,
      body: toJson(twoSpansOneBad().spans()),
    });
    expect(JSON.parse(res.body.toString())).toMatchObject({
      partialSuccess: { rejectedSpans: '1' },
    });
  });

  it.each([
    ['truncated protobuf', PB, Buffer.from([0x0a, 0xff, 0x01])],
    ['protobuf with a bad wire type', PB, Buffer.from([0x0f, 0x01])],
    ['invalid JSON', JSON_TYPE, Buffer.from('{"resourceSpans":')],
    ['JSON of the wrong shape', JSON_TYPE, Buffer.from('{"resourceSpans":{"a":1}}')],
  ])(
    'answers 400 with a readable google.rpc.Status for %s and stores nothing',
    async (_n, type, body) => {
      const res = await handle({ signal: 'traces', contentType: type, body });
      expect(res.status).toBe(400);
      expect(res.contentType).toBe(type);
      const status = type === PB ? decodeRpcStatus(res.body) : JSON.parse(res.body.toString());
      expect(status.code).toBe(3);
      expect(status.message).toMatch(/malformed|expected/);
      expect(sink.batches).toHaveLength(0);
    },
  );

  it('answers 400 (not 500) for an attribute value nested thousands of levels deep', async () => {
    let value = '{"stringValue":"x"}';
    for (let i = 0; i < 3000; i++) value = `{"arrayValue":{"values":[${value}]}}`;
    const body = Buffer.from(
      `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",` +
        `"spanId":"eee19b7ec3c1b174","name":"op","startTimeUnixNano":"1","endTimeUnixNano":"2",` +
        `"attributes":[{"key":"deep","value":${value}}]}]}]}]}`,
    );
    const res = await handle({ signal: 'traces', contentType: JSON_TYPE, body });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toMatchObject({ code: 3 });
    expect(sink.events).toEqual([]);
  });

  it('answers 415 for another content type', async () => {
    const res = await handle({
      signal: 'traces',
      contentType: 'text/plain',
      body: Buffer.from('x'),
    });
    expect(res.status).toBe(415);
  });

  it.each([
    [503, 14],
    [429, 8],
  ] as const)(
    'answers %i with retryAfterSeconds when the pipeline is full',
    async (status, code) => {
      sink.failWith = new BackpressureError('queue full', 1500, status);
      const svc = new RecordingService({ 'service.name': 'svc' });
      svc.start('a', 0).end(at(1));
      const res = await handle({
        signal: 'traces',
        contentType: PB,
        body: toProtobuf(svc.spans()),
      });
      expect(res.status).toBe(status);
      expect(res.retryAfterSeconds).toBe(2);
      expect(decodeRpcStatus(res.body).code).toBe(code);
    },
  );

  it('turns log records named with the raceway convention into events and ignores plain logs', async () => {
    const logs = new RecordingLogs({ 'service.name': 'worker' });
    const ids = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174' };
    logs.emit(
      'raceway.state_change',
      1,
      { 'raceway.variable.name': 'x', 'raceway.access.type': 'read' },
      ids,
    );
    logs.emit('raceway.lock.acquire', 2, {}, ids);
    logs.emit(undefined, 3, { msg: 'plain log' });
    for (const [type, body] of [
      [PB, logs.protobuf()],
      [JSON_TYPE, logs.json()],
    ] as const) {
      const res = await handle({ signal: 'logs', contentType: type, body });
      expect(res.status).toBe(200);
      const partial =
        type === PB ? decodeLogsResponse(res.body) : JSON.parse(res.body.toString()).partialSuccess;
      expect(Number(type === PB ? partial?.rejected : partial?.rejectedLogRecords)).toBe(1);
    }
    const [event] = sink.batches[0]!;
    expect(event!.kind).toEqual({
      StateChange: { variable: 'x', new_value: null, location: 'unknown', access_type: 'Read' },
    });
    expect(event!.trace_id).toBe('5b8efff7-9803-8103-d269-b633813fc60c');
    expect(event!.metadata).toMatchObject({
      thread_id: ids.spanId,
      distributed_span_id: ids.spanId,
      service_name: 'worker',
    });
    expect(sink.batches[1]!.map((e) => e.id)).toEqual(sink.batches[0]!.map((e) => e.id));
  });

  it('keeps two identical log events of one export (OTel JS stamps logs in whole ms), idempotently', async () => {
    const logs = new RecordingLogs({ 'service.name': 'worker' });
    const ids = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174' };
    const read = { 'raceway.variable.name': 'x', 'raceway.access.type': 'read' };
    logs.emit('raceway.state_change', 1, read, ids);
    logs.emit('raceway.state_change', 1, read, ids);
    for (let i = 0; i < 2; i++) {
      const res = await handle({ signal: 'logs', contentType: PB, body: logs.protobuf() });
      expect(res.status).toBe(200);
    }
    const first = sink.batches[0]!.map((e) => e.id);
    expect(new Set(first).size).toBe(2);
    expect(sink.batches[1]!.map((e) => e.id)).toEqual(first);
  });
});
