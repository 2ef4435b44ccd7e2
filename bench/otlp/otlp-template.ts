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
 * server span, HTTP client and DB children, internal spans with `raceway.state_change` events on an
 * account balance). Each call of `body(encoding, seq)` rewrites trace ids, accounts and times in place, so
 * every request carries new traces (the store would otherwise deduplicate re-sent spans).
 */
export class OtlpTemplate {
  readonly spans: number;
  private readonly templates: Record<OtlpEncoding, Located>;

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
            'raceway.variable.name': `${accountSlot(t)}.balance`,
            'raceway.access.type': 'read',
            'raceway.value.new': '100',
          },
          t0 + 1.2 + i,
        );
        work.addEvent(
          'raceway.state_change',
          {
            'raceway.variable.name': `${accountSlot(t)}.balance`,
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
    const times = [
      ...new Set(
        spans.flatMap((s) => [s.startTime, s.endTime, ...s.events.map((e) => e.time)].map(nanos)),
      ),
    ];
    this.templates = {
      protobuf: locate(
        Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!),
        spans,
        times,
        'binary',
      ),
      json: locate(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!), spans, times, 'text'),
    };
  }

  /**
   * Export number `seq` with fresh trace ids, shifted `seq` × 15 ms later: successive exports are
   * successive requests in time, as in a real service (identical windows would make every trace of the
   * run overlap every other one, which no real workload does).
   */
  body(encoding: OtlpEncoding, seq = 0): Buffer {
    const { bytes, ids, accounts, times } = this.templates[encoding];
    const out = Buffer.from(bytes);
    for (const group of ids) {
      const id = randomBytes(16);
      const text = encoding === 'json' ? Buffer.from(id.toString('hex')) : id;
      for (const offset of group) text.copy(out, offset);
    }
    // Each trace touches one of 10 000 accounts (one shared variable would make every concurrent trace
    // race with every other, which is not a realistic load).
    for (const group of accounts) {
      const name = `acct-${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
      for (const offset of group) out.write(name, offset, 'latin1');
    }
    const shift = BigInt(seq) * 15_000_000n;
    for (const [value, group] of times) {
      const shifted = value + shift;
      for (const offset of group)
        if (encoding === 'json') out.write(shifted.toString(), offset, 'latin1');
        else out.writeBigUInt64LE(shifted, offset);
    }
    return out;
  }
}

/** A per-trace placeholder of fixed width, rewritten to one of 10 000 accounts in every request. */
function accountSlot(trace: number): string {
  return `acct-A${String(trace).padStart(3, '0')}`;
}

interface Located {
  bytes: Buffer;
  /** Offsets of each trace id. */
  ids: number[][];
  /** Offsets of each trace's account placeholder. */
  accounts: number[][];
  /** Offsets of each time value (fixed64 little-endian, or 19 decimal digits in JSON). */
  times: Array<[bigint, number[]]>;
}

function nanos([seconds, ns]: [number, number]): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(ns);
}

/** Where each trace id and each time value occurs in the serialized body. */
function locate(
  bytes: Buffer,
  spans: ReadableSpan[],
  times: bigint[],
  form: 'binary' | 'text',
): Located {
  const find = (needle: Buffer): number[] => {
    const found: number[] = [];
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1))
      found.push(at);
    return found;
  };
  const ids = [...new Set(spans.map((s) => s.spanContext().traceId))].map((hex) =>
    find(form === 'binary' ? Buffer.from(hex, 'hex') : Buffer.from(hex)),
  );
  return {
    bytes,
    ids,
    accounts: ids.map((_, t) => find(Buffer.from(accountSlot(t)))),
    times: times.map((t) => {
      const needle = Buffer.alloc(8);
      needle.writeBigUInt64LE(t);
      // JSON: the value as a quoted decimal string; skip the quote.
      return [t, form === 'binary' ? find(needle) : find(Buffer.from(`"${t}"`)).map((o) => o + 1)];
    }),
  };
}
