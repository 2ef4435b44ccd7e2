import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { RecordingService, at } from './support/recorded-spans.js';

/*
 * What the official OTel JS exporters see when the collector refuses an export before its OTLP receiver:
 * a non-retryable refusal fails the export with an OTLPExporterError whose `data` is the answer's body as
 * text, so they show the google.rpc.Status (JSON for exporter-trace-otlp-http, binary protobuf for -proto),
 * not the collector's `{success,data,error}` envelope.
 */

const KEY = 'k-exporter';
/** The exporters' `CompressionAlgorithm.GZIP` (its enum lives in a package this one does not depend on). */
const GZIP = 'gzip' as NonNullable<
  NonNullable<ConstructorParameters<typeof ProtoExporter>[0]>['compression']
>;
const LIMIT = 4096;

interface Refusal {
  code: number | undefined;
  data: string | undefined;
}

function spans(attributeBytes: number): ReadableSpan[] {
  const svc = new RecordingService({ 'service.name': 'exporter-errors' });
  svc.start('op', 0, { attributes: { payload: 'x'.repeat(attributeBytes) } }).end(at(1));
  return svc.spans();
}

async function refusal(exporter: SpanExporter, batch: ReadableSpan[]): Promise<Refusal> {
  const result = await new Promise<ExportResult>((resolve) => {
    exporter.export(batch, resolve);
  });
  await exporter.shutdown();
  expect(result.code).toBe(ExportResultCode.FAILED);
  const error = result.error as { code?: number; data?: string } | undefined;
  return { code: error?.code, data: error?.data };
}

/**
 * The Status in `data`: JSON as is; protobuf through the exporter's UTF-8 decoding of the body, which keeps
 * the tag bytes and the ASCII message (a length byte of 128 or more would not survive, so the message is
 * matched as text rather than decoded).
 */
function expectStatus(
  kind: 'json' | 'proto',
  data: string | undefined,
  code: number,
  message: RegExp,
) {
  expect(data).toBeDefined();
  if (kind === 'json') {
    const status = JSON.parse(data!) as { code: number; message: string };
    expect(status.code).toBe(code);
    expect(status.message).toMatch(message);
  } else {
    expect(data!.startsWith(`\x08${String.fromCharCode(code)}\x12`)).toBe(true);
    expect(data).toMatch(message);
  }
  expect(data).not.toContain('"success"');
}

describe('official OTel JS exporters against pre-receiver refusals', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector({ apiKeys: [KEY], maxBodyBytes: LIMIT });
  });
  afterAll(() => c.close());

  const EXPORTERS = [
    [
      'exporter-trace-otlp-http (JSON)',
      'json',
      (url: string, headers: Record<string, string>) => new JsonExporter({ url, headers }),
    ],
    [
      'exporter-trace-otlp-proto (gzip)',
      'proto',
      (url: string, headers: Record<string, string>) =>
        new ProtoExporter({ url, headers, compression: GZIP }),
    ],
  ] as const;
  const LISTENERS = [
    ['API port', () => c.url],
    ['OTLP port', () => c.otlpHttpUrl!],
  ] as const;
  const CASES = EXPORTERS.flatMap(([name, kind, make]) =>
    LISTENERS.map(([where, base]) => ({ name, kind, make, where, base })),
  );

  describe.each(CASES)('$name on the $where', ({ kind, make, base }) => {
    it('shows UNAUTHENTICATED and what was wrong for a missing key', async () => {
      const { code, data } = await refusal(make(`${base()}/v1/traces`, {}), spans(10));
      expect(code).toBe(401);
      expectStatus(kind, data, 16, /Unauthorized: no API key sent\. Send the API key as/);
    });

    it('shows RESOURCE_EXHAUSTED and the limit for an export over the body limit', async () => {
      const exporter = make(`${base()}/v1/traces`, { Authorization: `Bearer ${KEY}` });
      const { code, data } = await refusal(exporter, spans(4 * LIMIT));
      expect(code).toBe(413);
      expectStatus(kind, data, 8, new RegExp(`exceeds the limit of ${LIMIT} bytes`));
    });

    it('still delivers an export that fits, with the key', async () => {
      const exporter = make(`${base()}/v1/traces`, { Authorization: `Bearer ${KEY}` });
      const result = await new Promise<ExportResult>((resolve) => {
        exporter.export(spans(10), resolve);
      });
      await exporter.shutdown();
      expect(result.code).toBe(ExportResultCode.SUCCESS);
    });
  });
});
