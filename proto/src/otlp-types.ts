/**
 * The normalised OTLP request shape both encodings (protobuf and the OTLP JSON mapping) decode into, so the
 * conversion to Raceway events sees one form: ids as lower-case hex (empty when absent), times as `bigint`
 * nanoseconds, enums as numbers, attributes as plain JS values.
 */

/** An attribute value: AnyValue with int64 as a number (or a decimal string beyond 2^53) and bytes as base64. */
export type OtlpValue =
  string | number | boolean | null | readonly OtlpValue[] | { readonly [key: string]: OtlpValue };

export type OtlpAttributes = Record<string, OtlpValue>;

export interface OtlpResource {
  attributes: OtlpAttributes;
  droppedAttributesCount: number;
}

export interface OtlpScope {
  name: string;
  version: string;
}

export interface OtlpSpanEvent {
  timeUnixNano: bigint;
  name: string;
  attributes: OtlpAttributes;
  droppedAttributesCount: number;
}

export interface OtlpLink {
  traceId: string;
  spanId: string;
  attributes: OtlpAttributes;
}

/** Span kinds as in trace.proto (`SPAN_KIND_*`). */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;

/** `Span.flags` bits 8 and 9 (trace.proto `SpanFlags`): whether the parent is known to be remote. */
export const SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK = 0x100;
export const SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK = 0x200;

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  flags: number;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: OtlpAttributes;
  droppedAttributesCount: number;
  events: OtlpSpanEvent[];
  droppedEventsCount: number;
  links: OtlpLink[];
  droppedLinksCount: number;
  status: { code: number; message: string };
}

export interface OtlpScopeSpans {
  scope: OtlpScope;
  spans: OtlpSpan[];
}

export interface OtlpResourceSpans {
  resource: OtlpResource;
  scopeSpans: OtlpScopeSpans[];
}

/** ExportTraceServiceRequest, normalised. */
export interface OtlpTraceRequest {
  resourceSpans: OtlpResourceSpans[];
}

export interface OtlpLogRecord {
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText: string;
  body: OtlpValue;
  attributes: OtlpAttributes;
  droppedAttributesCount: number;
  flags: number;
  traceId: string;
  spanId: string;
  eventName: string;
}

export interface OtlpScopeLogs {
  scope: OtlpScope;
  logRecords: OtlpLogRecord[];
}

export interface OtlpResourceLogs {
  resource: OtlpResource;
  scopeLogs: OtlpScopeLogs[];
}

/** ExportLogsServiceRequest, normalised. */
export interface OtlpLogsRequest {
  resourceLogs: OtlpResourceLogs[];
}

/** `partial_success` of an export response; `rejected` is `rejected_spans` or `rejected_log_records`. */
export interface OtlpPartialSuccess {
  rejected: number;
  errorMessage: string;
}
