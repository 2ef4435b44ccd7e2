import { OtlpDecodeError } from './otlp-decode-error.js';
import type {
  OtlpAttributes,
  OtlpLink,
  OtlpLogRecord,
  OtlpLogsRequest,
  OtlpPartialSuccess,
  OtlpResource,
  OtlpScope,
  OtlpSpan,
  OtlpSpanEvent,
  OtlpTraceRequest,
  OtlpValue,
} from './otlp-types.js';

/**
 * The OTLP/JSON mapping (OTLP spec "JSON Protobuf Encoding"): lowerCamelCase keys, trace and span ids as hex,
 * enums as integers, 64-bit integers as decimal strings. Real senders are sloppy, so we also accept
 * snake_case keys, 64-bit integers as numbers, upper-case hex, base64 ids (the plain proto3 mapping) and enum
 * names. A body that is not this shape throws {@link OtlpDecodeError} naming the path.
 */
type Json = Record<string, unknown>;

export function parseTraceRequestJson(body: Uint8Array | string): OtlpTraceRequest {
  const root = parseObject(body);
  return {
    resourceSpans: arrayAt(root, 'resourceSpans', 'resource_spans', 'resourceSpans').map(
      (rs, i) => {
        const path = `resourceSpans[${i}]`;
        const obj = objectOf(rs, path);
        return {
          resource: resourceOf(obj, path),
          scopeSpans: arrayAt(obj, 'scopeSpans', 'scope_spans', `${path}.scopeSpans`).map(
            (ss, j) => {
              const sp = `${path}.scopeSpans[${j}]`;
              const sobj = objectOf(ss, sp);
              return {
                scope: scopeOf(sobj, sp),
                spans: arrayAt(sobj, 'spans', 'spans', `${sp}.spans`).map((s, k) =>
                  spanOf(s, `${sp}.spans[${k}]`),
                ),
              };
            },
          ),
        };
      },
    ),
  };
}

export function parseLogsRequestJson(body: Uint8Array | string): OtlpLogsRequest {
  const root = parseObject(body);
  return {
    resourceLogs: arrayAt(root, 'resourceLogs', 'resource_logs', 'resourceLogs').map((rl, i) => {
      const path = `resourceLogs[${i}]`;
      const obj = objectOf(rl, path);
      return {
        resource: resourceOf(obj, path),
        scopeLogs: arrayAt(obj, 'scopeLogs', 'scope_logs', `${path}.scopeLogs`).map((sl, j) => {
          const sp = `${path}.scopeLogs[${j}]`;
          const sobj = objectOf(sl, sp);
          return {
            scope: scopeOf(sobj, sp),
            logRecords: arrayAt(sobj, 'logRecords', 'log_records', `${sp}.logRecords`).map((r, k) =>
              logRecordOf(r, `${sp}.logRecords[${k}]`),
            ),
          };
        }),
      };
    }),
  };
}

/** `ExportTraceServiceResponse` in the JSON mapping (int64 `rejectedSpans` as a string). */
export function traceResponseJson(partial?: OtlpPartialSuccess): Json {
  return responseJson('rejectedSpans', partial);
}

export function logsResponseJson(partial?: OtlpPartialSuccess): Json {
  return responseJson('rejectedLogRecords', partial);
}

function responseJson(field: string, partial: OtlpPartialSuccess | undefined): Json {
  if (!partial || (partial.rejected === 0 && !partial.errorMessage)) return {};
  return {
    partialSuccess: { [field]: String(partial.rejected), errorMessage: partial.errorMessage },
  };
}

function parseObject(body: Uint8Array | string): Json {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError(`malformed JSON: ${reason}`, undefined, { cause: error });
  }
  return objectOf(parsed, '$');
}

function objectOf(value: unknown, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new OtlpDecodeError('expected an object', path);
  return value as Json;
}

function get(obj: Json, camel: string, snake: string): unknown {
  const v = obj[camel];
  return v === undefined ? obj[snake] : v;
}

function arrayAt(obj: Json, camel: string, snake: string, path: string): unknown[] {
  const v = get(obj, camel, snake);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new OtlpDecodeError('expected an array', path);
  return v;
}

function stringAt(obj: Json, camel: string, snake: string, path: string): string {
  const v = get(obj, camel, snake);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new OtlpDecodeError('expected a string', `${path}.${camel}`);
  return v;
}

/** uint32 / enum fields: a number, a numeric string, or (enums) the value's name via `names`. */
function intAt(
  obj: Json,
  camel: string,
  snake: string,
  path: string,
  names?: Record<string, number>,
): number {
  const v = get(obj, camel, snake);
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') {
    if (/^-?\d+$/.test(v)) return Number(v);
    const named = names?.[v];
    if (named !== undefined) return named;
  }
  throw new OtlpDecodeError('expected an integer', `${path}.${camel}`);
}

/** fixed64 nanoseconds: decimal string or number. */
function u64At(obj: Json, camel: string, snake: string, path: string): bigint {
  const v = get(obj, camel, snake);
  if (v === undefined || v === null || v === '') return 0n;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^\d+$/.test(v)) return BigInt(v);
  throw new OtlpDecodeError('expected an unsigned 64-bit integer', `${path}.${camel}`);
}

/**
 * Ids: hex per the OTLP mapping (any case). A base64 value of the right length (plain proto3 JSON) is
 * accepted too. Anything else is kept as sent, so that conversion rejects just that span with a reason.
 */
function idAt(obj: Json, camel: string, snake: string, path: string, bytes: number): string {
  const raw = stringAt(obj, camel, snake, path);
  if (raw === '') return '';
  if (raw.length === bytes * 2 && /^[0-9a-fA-F]+$/.test(raw)) return raw.toLowerCase();
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) {
    const decoded = Buffer.from(raw, 'base64');
    if (decoded.length === bytes) return decoded.toString('hex');
  }
  return raw;
}

const SPAN_KINDS: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const STATUS_CODES: Record<string, number> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

function resourceOf(obj: Json, path: string): OtlpResource {
  const r = get(obj, 'resource', 'resource');
  if (r === undefined || r === null) return { attributes: {}, droppedAttributesCount: 0 };
  const ro = objectOf(r, `${path}.resource`);
  return {
    attributes: attributesAt(ro, `${path}.resource`),
    droppedAttributesCount: intAt(ro, 'droppedAttributesCount', 'dropped_attributes_count', path),
  };
}

function scopeOf(obj: Json, path: string): OtlpScope {
  const s = get(obj, 'scope', 'scope');
  if (s === undefined || s === null) return { name: '', version: '' };
  const so = objectOf(s, `${path}.scope`);
  return {
    name: stringAt(so, 'name', 'name', `${path}.scope`),
    version: stringAt(so, 'version', 'version', `${path}.scope`),
  };
}

function spanOf(value: unknown, path: string): OtlpSpan {
  const s = objectOf(value, path);
  const status = get(s, 'status', 'status');
  const so = status === undefined || status === null ? {} : objectOf(status, `${path}.status`);
  return {
    traceId: idAt(s, 'traceId', 'trace_id', path, 16),
    spanId: idAt(s, 'spanId', 'span_id', path, 8),
    parentSpanId: idAt(s, 'parentSpanId', 'parent_span_id', path, 8),
    traceState: stringAt(s, 'traceState', 'trace_state', path),
    flags: intAt(s, 'flags', 'flags', path),
    name: stringAt(s, 'name', 'name', path),
    kind: intAt(s, 'kind', 'kind', path, SPAN_KINDS),
    startTimeUnixNano: u64At(s, 'startTimeUnixNano', 'start_time_unix_nano', path),
    endTimeUnixNano: u64At(s, 'endTimeUnixNano', 'end_time_unix_nano', path),
    attributes: attributesAt(s, path),
    droppedAttributesCount: intAt(s, 'droppedAttributesCount', 'dropped_attributes_count', path),
    events: arrayAt(s, 'events', 'events', `${path}.events`).map((e, i) =>
      eventOf(e, `${path}.events[${i}]`),
    ),
    droppedEventsCount: intAt(s, 'droppedEventsCount', 'dropped_events_count', path),
    links: arrayAt(s, 'links', 'links', `${path}.links`).map((l, i) =>
      linkOf(l, `${path}.links[${i}]`),
    ),
    droppedLinksCount: intAt(s, 'droppedLinksCount', 'dropped_links_count', path),
    status: {
      code: intAt(so, 'code', 'code', `${path}.status`, STATUS_CODES),
      message: stringAt(so, 'message', 'message', `${path}.status`),
    },
  };
}

function eventOf(value: unknown, path: string): OtlpSpanEvent {
  const e = objectOf(value, path);
  return {
    timeUnixNano: u64At(e, 'timeUnixNano', 'time_unix_nano', path),
    name: stringAt(e, 'name', 'name', path),
    attributes: attributesAt(e, path),
    droppedAttributesCount: intAt(e, 'droppedAttributesCount', 'dropped_attributes_count', path),
  };
}

function linkOf(value: unknown, path: string): OtlpLink {
  const l = objectOf(value, path);
  return {
    traceId: idAt(l, 'traceId', 'trace_id', path, 16),
    spanId: idAt(l, 'spanId', 'span_id', path, 8),
    attributes: attributesAt(l, path),
  };
}

function logRecordOf(value: unknown, path: string): OtlpLogRecord {
  const r = objectOf(value, path);
  const body = get(r, 'body', 'body');
  return {
    timeUnixNano: u64At(r, 'timeUnixNano', 'time_unix_nano', path),
    observedTimeUnixNano: u64At(r, 'observedTimeUnixNano', 'observed_time_unix_nano', path),
    severityNumber: intAt(r, 'severityNumber', 'severity_number', path),
    severityText: stringAt(r, 'severityText', 'severity_text', path),
    body: body === undefined || body === null ? null : anyValueOf(body, `${path}.body`),
    attributes: attributesAt(r, path),
    droppedAttributesCount: intAt(r, 'droppedAttributesCount', 'dropped_attributes_count', path),
    flags: intAt(r, 'flags', 'flags', path),
    traceId: idAt(r, 'traceId', 'trace_id', path, 16),
    spanId: idAt(r, 'spanId', 'span_id', path, 8),
    eventName: stringAt(r, 'eventName', 'event_name', path),
  };
}

function attributesAt(obj: Json, path: string): OtlpAttributes {
  return keyValuesOf(
    arrayAt(obj, 'attributes', 'attributes', `${path}.attributes`),
    `${path}.attributes`,
  );
}

/**
 * Deepest array/kvlist nesting accepted in an attribute or log body. Deeper values overflowed the stack
 * here or later (storing, serving), answering 500 instead of saying what is wrong.
 */
const MAX_VALUE_NESTING = 100;

function keyValuesOf(list: unknown[], path: string, depth = 0): OtlpAttributes {
  const out: OtlpAttributes = {};
  list.forEach((kv, i) => {
    const o = objectOf(kv, `${path}[${i}]`);
    const key = stringAt(o, 'key', 'key', `${path}[${i}]`);
    const v = o['value'];
    if (key)
      out[key] = v === undefined || v === null ? null : anyValueOf(v, `${path}[${i}].value`, depth);
  });
  return out;
}

function anyValueOf(value: unknown, path: string, depth = 0): OtlpValue {
  if (depth > MAX_VALUE_NESTING)
    throw new OtlpDecodeError(`nested deeper than ${MAX_VALUE_NESTING} levels`, path);
  const v = objectOf(value, path);
  if ('stringValue' in v || 'string_value' in v)
    return stringAt(v, 'stringValue', 'string_value', path);
  if ('boolValue' in v || 'bool_value' in v) {
    const b = get(v, 'boolValue', 'bool_value');
    if (typeof b !== 'boolean')
      throw new OtlpDecodeError('expected a boolean', `${path}.boolValue`);
    return b;
  }
  if ('intValue' in v || 'int_value' in v) {
    const n = get(v, 'intValue', 'int_value');
    if (typeof n === 'number' && Number.isInteger(n)) return n;
    if (typeof n === 'string' && /^-?\d+$/.test(n)) {
      const num = Number(n);
      return Number.isSafeInteger(num) ? num : n;
    }
    throw new OtlpDecodeError('expected a 64-bit integer', `${path}.intValue`);
  }
  if ('doubleValue' in v || 'double_value' in v) {
    const d = get(v, 'doubleValue', 'double_value');
    if (typeof d === 'number') return d;
    // The proto3 JSON mapping writes non-finite doubles as strings.
    if (d === 'NaN' || d === 'Infinity' || d === '-Infinity') return Number(d);
    if (typeof d === 'string' && d.trim() !== '' && Number.isFinite(Number(d))) return Number(d);
    throw new OtlpDecodeError('expected a number', `${path}.doubleValue`);
  }
  if ('arrayValue' in v || 'array_value' in v) {
    const a = objectOf(get(v, 'arrayValue', 'array_value'), `${path}.arrayValue`);
    return arrayAt(a, 'values', 'values', `${path}.arrayValue.values`).map((x, i) =>
      anyValueOf(x, `${path}.arrayValue.values[${i}]`, depth + 1),
    );
  }
  if ('kvlistValue' in v || 'kvlist_value' in v) {
    const l = objectOf(get(v, 'kvlistValue', 'kvlist_value'), `${path}.kvlistValue`);
    return keyValuesOf(
      arrayAt(l, 'values', 'values', `${path}.kvlistValue.values`),
      `${path}.kvlistValue.values`,
      depth + 1,
    );
  }
  if ('bytesValue' in v || 'bytes_value' in v)
    return stringAt(v, 'bytesValue', 'bytes_value', path);
  return null;
}
