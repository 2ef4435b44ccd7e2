import * as grpc from '@grpc/grpc-js';
import { decodeLogsResponse, decodeTraceResponse } from '@raceway/proto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CollectingSink } from '../../../../test/otlp/support/collecting-sink.js';
import { grpcExport } from '../../../../test/otlp/support/grpc-export.js';
import { RecordingLogs } from '../../../../test/otlp/support/recorded-logs.js';
import { RecordingService, at, toProtobuf } from '../../../../test/otlp/support/recorded-spans.js';
import { BackpressureError } from '../../../errors/raceway-error.js';
import { CollectorMetrics } from '../../../metrics/collector-metrics.js';
import { startOtlpGrpcServer, type OtlpGrpcServer } from './otlp-grpc-server.js';

function body(spanCount = 1): Buffer {
  const svc = new RecordingService({ 'service.name': 'svc' });
  for (let i = 0; i < spanCount; i++) svc.start(`s${i}`, 0).end(at(1));
  return toProtobuf(svc.spans());
}

describe('startOtlpGrpcServer', () => {
  let server: OtlpGrpcServer | undefined;
  const sink = new CollectingSink();
  const start = async (maxMessageBytes = 4 << 20): Promise<string> => {
    server = await startOtlpGrpcServer({
      host: '127.0.0.1',
      port: 0,
      maxMessageBytes,
      apiKeys: [],
      sink,
      metrics: new CollectorMetrics({ processMetrics: false }),
      logger: pino({ level: 'silent' }),
    });
    return `127.0.0.1:${server.port}`;
  };
  afterEach(async () => {
    sink.failWith = undefined;
    await server?.shutdown();
    await server?.shutdown(); // idempotent
  });

  it('exports spans with no key configured and answers an empty response', async () => {
    const { error, response } = await grpcExport(await start(), body());
    expect(error).toBeNull();
    expect(decodeTraceResponse(response!)).toBeUndefined();
  });

  it('exports log-based raceway events through LogsService/Export', async () => {
    const logs = new RecordingLogs({ 'service.name': 'worker' });
    const ids = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174' };
    logs.emit('raceway.lock.acquire', 1, { 'raceway.lock.id': 'L' }, ids);
    const { error, response } = await grpcExport(
      await start(),
      logs.protobuf(),
      {},
      {},
      '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
    );
    expect(error).toBeNull();
    expect(decodeLogsResponse(response!)).toBeUndefined();
    expect(sink.events.some((e) => 'LockAcquire' in e.kind)).toBe(true);
  });

  it.each([
    [503, grpc.status.UNAVAILABLE],
    [429, grpc.status.RESOURCE_EXHAUSTED],
  ] as const)(
    'maps backpressure %i to a retryable gRPC status with retry-after',
    async (status, code) => {
      const target = await start();
      sink.failWith = new BackpressureError('queue full', 2500, status);
      const { error } = await grpcExport(target, body());
      expect(error?.code).toBe(code);
      expect(error?.metadata.get('retry-after')).toEqual(['3']);
    },
  );

  it('refuses a message above maxMessageBytes with RESOURCE_EXHAUSTED', async () => {
    const { error } = await grpcExport(await start(1024), body(50));
    expect(error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
  });

  it('applies maxMessageBytes after gzip decompression (a small compressed bomb is refused)', async () => {
    const svc = new RecordingService({ 'service.name': 'svc' });
    svc.start('bomb', 0, { attributes: { filler: 'x'.repeat(512 * 1024) } }).end(at(1));
    const { error } = await grpcExport(
      await start(64 * 1024),
      toProtobuf(svc.spans()),
      {},
      {
        'grpc.default_compression_algorithm': grpc.compressionAlgorithms.gzip,
      },
    );
    expect(error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(sink.events.some((e) => e.metadata.tags['otel.span_name'] === 'bomb')).toBe(false);
  });
});
