import {
  context,
  trace,
  type Attributes,
  type Span,
  type SpanKind,
  type Tracer,
} from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

/** Fixed base time (ms) so expected timestamps can be written down. */
export const T0_MS = Date.UTC(2026, 10, 26, 12, 0, 0);

/** A service that records its spans in memory, with the real OTel JS SDK. */
export class RecordingService {
  readonly exporter = new InMemorySpanExporter();
  readonly tracer: Tracer;

  constructor(resource: Attributes) {
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes(resource),
      spanProcessors: [new SimpleSpanProcessor(this.exporter)],
      spanLimits: { eventCountLimit: 1000 },
    });
    this.tracer = provider.getTracer('raceway-test', '1.0.0');
  }

  /** Starts a span at `startMs` after T0, as a child of `parent` when given. */
  start(
    name: string,
    startMs: number,
    options: { parent?: Span; kind?: SpanKind; attributes?: Attributes } = {},
  ): Span {
    const ctx = options.parent ? trace.setSpan(context.active(), options.parent) : context.active();
    return this.tracer.startSpan(
      name,
      {
        startTime: T0_MS + startMs,
        ...(options.kind === undefined ? {} : { kind: options.kind }),
        ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
      },
      ctx,
    );
  }

  spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }
}

export function at(ms: number): number {
  return T0_MS + ms;
}

/** The real OTel JS serializers (what `exporter-trace-otlp-proto` / `-http` send). */
export function toProtobuf(spans: ReadableSpan[]): Buffer {
  const bytes = ProtobufTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('serializer returned nothing');
  return Buffer.from(bytes);
}

export function toJson(spans: ReadableSpan[]): Buffer {
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('serializer returned nothing');
  return Buffer.from(bytes);
}
