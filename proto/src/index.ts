export type {
  OtlpAttributes,
  OtlpLink,
  OtlpLogRecord,
  OtlpLogsRequest,
  OtlpPartialSuccess,
  OtlpResource,
  OtlpResourceLogs,
  OtlpResourceSpans,
  OtlpScope,
  OtlpScopeLogs,
  OtlpScopeSpans,
  OtlpSpan,
  OtlpSpanEvent,
  OtlpTraceRequest,
  OtlpValue,
} from './otlp-types.js';
export {
  SpanKind,
  SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK,
  SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK,
} from './otlp-types.js';
export { OtlpDecodeError } from './otlp-decode-error.js';
export { OTLP_PROTO_DIR, otlpRoot, otlpType } from './otlp-root.js';
export {
  decodeLogsRequest,
  decodeLogsResponse,
  decodeTraceRequest,
  decodeTraceResponse,
  encodeLogsResponse,
  encodeTraceResponse,
} from './otlp-protobuf-codec.js';
export {
  logsResponseJson,
  parseLogsRequestJson,
  parseTraceRequestJson,
  traceResponseJson,
} from './otlp-json-codec.js';
export { decodeRpcStatus, encodeRpcStatus } from './rpc-status-codec.js';
export type { RpcStatus } from './rpc-status-codec.js';
