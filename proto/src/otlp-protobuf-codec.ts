import type protobuf from 'protobufjs';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { otlpType } from './otlp-root.js';
import type {
  OtlpAttributes,
  OtlpLogRecord,
  OtlpLogsRequest,
  OtlpPartialSuccess,
  OtlpResource,
  OtlpScope,
  OtlpSpan,
  OtlpTraceRequest,
  OtlpValue,
} from './otlp-types.js';

/* Decoded protobufjs messages are typed loosely; these are the shapes we read from them. */
interface LongLike {
  low: number;
  high: number;
  unsigned: boolean;
}
type Num64 = number | LongLike | undefined | null;
interface PbAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: Num64;
  doubleValue?: number;
  arrayValue?: { values?: PbAnyValue[] };
  kvlistValue?: { values?: PbKeyValue[] };
  bytesValue?: Uint8Array;
}
interface PbKeyValue {
  key?: string;
  value?: PbAnyValue | null;
}
interface PbResource {
  attributes?: PbKeyValue[];
  droppedAttributesCount?: number;
}
interface PbScope {
  name?: string;
  version?: string;
}
interface PbSpan {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  parentSpanId?: Uint8Array;
  traceState?: string;
  flags?: number;
  name?: string;
  kind?: number;
  startTimeUnixNano?: Num64;
  endTimeUnixNano?: Num64;
  attributes?: PbKeyValue[];
  droppedAttributesCount?: number;
  events?: Array<{
    timeUnixNano?: Num64;
    name?: string;
    attributes?: PbKeyValue[];
    droppedAttributesCount?: number;
  }>;
  droppedEventsCount?: number;
  links?: Array<{ traceId?: Uint8Array; spanId?: Uint8Array; attributes?: PbKeyValue[] }>;
  droppedLinksCount?: number;
  status?: { code?: number; message?: string } | null;
}
interface PbLogRecord {
  timeUnixNano?: Num64;
  observedTimeUnixNano?: Num64;
  severityNumber?: number;
  severityText?: string;
  body?: PbAnyValue | null;
  attributes?: PbKeyValue[];
  droppedAttributesCount?: number;
  flags?: number;
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  eventName?: string;
}
interface PbTraceRequest {
  resourceSpans?: Array<{
    resource?: PbResource | null;
    scopeSpans?: Array<{ scope?: PbScope | null; spans?: PbSpan[] }>;
  }>;
}
interface PbLogsRequest {
  resourceLogs?: Array<{
    resource?: PbResource | null;
    scopeLogs?: Array<{ scope?: PbScope | null; logRecords?: PbLogRecord[] }>;
  }>;
}

const TRACE_REQUEST = 'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest';
const TRACE_RESPONSE = 'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse';
const LOGS_REQUEST = 'opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest';
const LOGS_RESPONSE = 'opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse';

function decodeWith(typeName: string, body: Uint8Array): unknown {
  try {
    return otlpType(typeName).decode(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError(`malformed protobuf: ${reason}`, undefined, { cause: error });
  }
}

/** Decodes an `ExportTraceServiceRequest` (binary protobuf). Throws {@link OtlpDecodeError}. */
export function decodeTraceRequest(body: Uint8Array): OtlpTraceRequest {
  const msg = decodeWith(TRACE_REQUEST, body) as PbTraceRequest;
  return {
    resourceSpans: (msg.resourceSpans ?? []).map((rs) => ({
      resource: resourceOf(rs.resource),
      scopeSpans: (rs.scopeSpans ?? []).map((ss) => ({
        scope: scopeOf(ss.scope),
        spans: (ss.spans ?? []).map(spanOf),
      })),
    })),
  };
}

/** Decodes an `ExportLogsServiceRequest` (binary protobuf). Throws {@link OtlpDecodeError}. */
export function decodeLogsRequest(body: Uint8Array): OtlpLogsRequest {
  const msg = decodeWith(LOGS_REQUEST, body) as PbLogsRequest;
  return {
    resourceLogs: (msg.resourceLogs ?? []).map((rl) => ({
      resource: resourceOf(rl.resource),
      scopeLogs: (rl.scopeLogs ?? []).map((sl) => ({
        scope: scopeOf(sl.scope),
        logRecords: (sl.logRecords ?? []).map(logRecordOf),
      })),
    })),
  };
}

/** Encodes an `ExportTraceServiceResponse`; `partial_success` only when there is something to say. */
export function encodeTraceResponse(partial?: OtlpPartialSuccess): Uint8Array {
  return encodeResponse(TRACE_RESPONSE, 'rejectedSpans', partial);
}

export function encodeLogsResponse(partial?: OtlpPartialSuccess): Uint8Array {
  return encodeResponse(LOGS_RESPONSE, 'rejectedLogRecords', partial);
}

/** Decodes a response (tests and clients). */
export function decodeTraceResponse(body: Uint8Array): OtlpPartialSuccess | undefined {
  return partialOf(otlpType(TRACE_RESPONSE).decode(body), 'rejectedSpans');
}

export function decodeLogsResponse(body: Uint8Array): OtlpPartialSuccess | undefined {
  return partialOf(otlpType(LOGS_RESPONSE).decode(body), 'rejectedLogRecords');
}

function encodeResponse(
  typeName: string,
  field: string,
  partial: OtlpPartialSuccess | undefined,
): Uint8Array {
  const type = otlpType(typeName);
  const payload =
    partial && (partial.rejected > 0 || partial.errorMessage)
      ? { partialSuccess: { [field]: partial.rejected, errorMessage: partial.errorMessage } }
      : {};
  return type.encode(type.fromObject(payload)).finish();
}

function partialOf(msg: protobuf.Message, field: string): OtlpPartialSuccess | undefined {
  const obj = msg.toJSON() as { partialSuccess?: Record<string, unknown> };
  const p = obj.partialSuccess;
  if (!p) return undefined;
  return {
    rejected: Number(p[field] ?? 0),
    errorMessage: typeof p['errorMessage'] === 'string' ? p['errorMessage'] : '',
  };
}

function resourceOf(r: PbResource | null | undefined): OtlpResource {
  return {
    attributes: attributesOf(r?.attributes),
    droppedAttributesCount: r?.droppedAttributesCount ?? 0,
  };
}

function scopeOf(s: PbScope | null | undefined): OtlpScope {
  return { name: s?.name ?? '', version: s?.version ?? '' };
}

function spanOf(s: PbSpan): OtlpSpan {
  return {
    traceId: hexOf(s.traceId),
    spanId: hexOf(s.spanId),
    parentSpanId: hexOf(s.parentSpanId),
    traceState: s.traceState ?? '',
    flags: s.flags ?? 0,
    name: s.name ?? '',
    kind: s.kind ?? 0,
    startTimeUnixNano: u64Of(s.startTimeUnixNano),
    endTimeUnixNano: u64Of(s.endTimeUnixNano),
    attributes: attributesOf(s.attributes),
    droppedAttributesCount: s.droppedAttributesCount ?? 0,
    events: (s.events ?? []).map((e) => ({
      timeUnixNano: u64Of(e.timeUnixNano),
      name: e.name ?? '',
      attributes: attributesOf(e.attributes),
      droppedAttributesCount: e.droppedAttributesCount ?? 0,
    })),
    droppedEventsCount: s.droppedEventsCount ?? 0,
    links: (s.links ?? []).map((l) => ({
      traceId: hexOf(l.traceId),
      spanId: hexOf(l.spanId),
      attributes: attributesOf(l.attributes),
    })),
    droppedLinksCount: s.droppedLinksCount ?? 0,
    status: { code: s.status?.code ?? 0, message: s.status?.message ?? '' },
  };
}

function logRecordOf(r: PbLogRecord): OtlpLogRecord {
  return {
    timeUnixNano: u64Of(r.timeUnixNano),
    observedTimeUnixNano: u64Of(r.observedTimeUnixNano),
    severityNumber: r.severityNumber ?? 0,
    severityText: r.severityText ?? '',
    body: r.body ? valueOf(r.body) : null,
    attributes: attributesOf(r.attributes),
    droppedAttributesCount: r.droppedAttributesCount ?? 0,
    flags: r.flags ?? 0,
    traceId: hexOf(r.traceId),
    spanId: hexOf(r.spanId),
    eventName: r.eventName ?? '',
  };
}

/** Deepest array/kvlist nesting accepted (deeper values overflowed the stack later: a 500, not a 400). */
const MAX_VALUE_NESTING = 100;

function attributesOf(kvs: PbKeyValue[] | undefined, depth = 0): OtlpAttributes {
  const out: OtlpAttributes = {};
  if (!kvs) return out;
  for (const kv of kvs) if (kv.key) out[kv.key] = kv.value ? valueOf(kv.value, depth) : null;
  return out;
}

function valueOf(v: PbAnyValue, depth = 0): OtlpValue {
  if (depth > MAX_VALUE_NESTING)
    throw new OtlpDecodeError(`attribute value nested deeper than ${MAX_VALUE_NESTING} levels`);
  // Decoded messages carry only the fields present on the wire as own properties (defaults sit on the
  // prototype), so the set member of the `value` oneof is the own property.
  const has = (key: keyof PbAnyValue): boolean => Object.hasOwn(v, key) && v[key] != null;
  if (has('stringValue')) return v.stringValue ?? '';
  if (has('intValue')) return i64Of(v.intValue);
  if (has('boolValue')) return v.boolValue ?? false;
  if (has('doubleValue')) return v.doubleValue ?? 0;
  if (has('arrayValue')) return (v.arrayValue?.values ?? []).map((x) => valueOf(x, depth + 1));
  if (has('kvlistValue')) return attributesOf(v.kvlistValue?.values, depth + 1);
  if (has('bytesValue')) return Buffer.from(v.bytesValue ?? []).toString('base64');
  return null;
}

function hexOf(bytes: Uint8Array | undefined): string {
  if (!bytes || bytes.length === 0) return '';
  return Buffer.isBuffer(bytes)
    ? bytes.toString('hex')
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function u64Of(n: Num64): bigint {
  if (n === undefined || n === null) return 0n;
  if (typeof n === 'number') return BigInt(Math.trunc(n));
  return (BigInt(n.high >>> 0) << 32n) | BigInt(n.low >>> 0);
}

/** int64 attribute values: a number when exact, else the decimal string (as the JSON mapping does). */
function i64Of(n: Num64): number | string {
  if (n === undefined || n === null) return 0;
  if (typeof n === 'number') return n;
  const big = BigInt.asIntN(64, (BigInt(n.high >>> 0) << 32n) | BigInt(n.low >>> 0));
  const num = Number(big);
  return Number.isSafeInteger(num) ? num : big.toString();
}
