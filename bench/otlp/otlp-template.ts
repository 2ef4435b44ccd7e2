import { randomBytes } from 'node:crypto';
import { SpanKind, context, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

export type OtlpEncoding = 'protobuf' | 'json';

/**
 * A realistic export made by the real OTel JS SDK and serializers: `traces` traces of 10 spans (an HTTP
 * server span, HTTP client and DB children, internal spans with `raceway.state_change` events). Each call
 * of `body(encoding)` rewrites the trace ids in place, so every request carries new traces (the store
 * would otherwise deduplicate re-sent spans and flatter the collector).
 */
export class OtlpTemplate {
  readonly spans: number;
  private readonly templates: Record<
    OtlpEncoding,
    { bytes: Buffer; offsets: Array<[number, number]> }
  >;

  constructor(traces = 10) {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': 'bench-accounts',
        'service.instance.id': 'bench-1',
        'process.pid': 4242,
        'deployment.environment.name': 'bench',
        'telemetry.sdk.language': 'nodejs',
      }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('bench', '1.0.0');
    const t0 = Date.UTC(2026, 10, 26, 12);
    for (let t = 0; t < traces; t++) {
      const root = tracer.startSpan('POST /transfer', {
        kind: SpanKind.SERVER,
        startTime: t0,
        attributes: {
          'http.request.method': 'POST',
          'url.path': '/transfer',
          'http.response.status_code': 200,
        },
      });
      const ctx = trace.setSpan(context.active(), root);
      for (let i = 0; i < 3; i++) {
        const work = tracer.startSpan(
          `debit-${i}`,
          { startTime: t0 + 1 + i, attributes: { 'code.function.name': 'debit' } },
          ctx,
        );
        work.addEvent(
          'raceway.state_change',
          {
            'raceway.variable.name': 'balance',
            'raceway.access.type': 'read',
            'raceway.value.new': '100',
          },
          t0 + 1.2 + i,
        );
        work.addEvent(
          'raceway.state_change',
          {
            'raceway.variable.name': 'balance',
            'raceway.access.type': 'write',
            'raceway.value.old': '100',
            'raceway.value.new': '90',
          },
          t0 + 1.5 + i,
        );
        work.end(t0 + 2 + i);
      }
      for (let i = 0; i < 2; i++) {
        tracer
          .startSpan(
            'SELECT accounts',
            {
              kind: SpanKind.CLIENT,
              startTime: t0 + 5 + i,
              attributes: {
                'db.system.name': 'postgresql',
                'db.namespace': 'bank',
                'db.query.text': 'SELECT balance FROM accounts WHERE id = $1',
              },
            },
            ctx,
          )
          .end(t0 + 6 + i);
        tracer
          .startSpan(
            'GET',
            {
              kind: SpanKind.CLIENT,
              startTime: t0 + 7 + i,
              attributes: {
                'http.request.method': 'GET',
                'url.full': 'http://ledger/audit',
                'http.response.status_code': 200,
              },
            },
            ctx,
          )
          .end(t0 + 8 + i);
        tracer.startSpan(`format-${i}`, { startTime: t0 + 9 + i }, ctx).end(t0 + 9.5 + i);
      }
      root.end(t0 + 12);
    }
    const spans = exporter.getFinishedSpans();
    this.spans = spans.length;
    this.templates = {
      protobuf: locate(
        Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!),
        spans,
        'binary',
      ),
      json: locate(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!), spans, 'hex'),
    };
  }

  /** The export with fresh trace ids. */
  body(encoding: OtlpEncoding): Buffer {
    const { bytes, offsets } = this.templates[encoding];
    const out = Buffer.from(bytes);
    for (const [, group] of groupBy(offsets)) {
      const id = randomBytes(16);
      const text = encoding === 'json' ? Buffer.from(id.toString('hex')) : id;
      for (const offset of group) text.copy(out, offset);
    }
    return out;
  }
}

/** Where each trace id occurs in the serialized body: [offset, trace index]. */
function locate(
  bytes: Buffer,
  spans: ReadableSpan[],
  form: 'binary' | 'hex',
): { bytes: Buffer; offsets: Array<[number, number]> } {
  const ids = [...new Set(spans.map((s) => s.spanContext().traceId))];
  const offsets: Array<[number, number]> = [];
  ids.forEach((hex, index) => {
    const needle = form === 'binary' ? Buffer.from(hex, 'hex') : Buffer.from(hex);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1))
      offsets.push([at, index]);
  });
  return { bytes, offsets };
}

function groupBy(offsets: Array<[number, number]>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const [offset, index] of offsets) groups.set(index, [...(groups.get(index) ?? []), offset]);
  return groups;
}
