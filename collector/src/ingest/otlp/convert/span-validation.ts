import type { OtlpSpan } from '@raceway/proto';
import { isValidSpanId, isValidTraceId } from './otel-ids.js';

/** Why a span cannot be converted (trace.proto's required fields), or undefined when it can. */
export function spanProblem(span: OtlpSpan): string | undefined {
  if (!isValidTraceId(span.traceId))
    return `trace_id "${span.traceId}" is not 16 bytes of hex or is all zero`;
  if (!isValidSpanId(span.spanId))
    return `span_id "${span.spanId}" is not 8 bytes of hex or is all zero`;
  if (span.parentSpanId !== '' && !/^[0-9a-f]{16}$/.test(span.parentSpanId))
    return `parent_span_id "${span.parentSpanId}" is not 8 bytes of hex`;
  if (span.startTimeUnixNano === 0n) return 'start_time_unix_nano is missing';
  if (span.endTimeUnixNano === 0n) return 'end_time_unix_nano is missing';
  if (span.endTimeUnixNano < span.startTimeUnixNano)
    return 'end_time_unix_nano is before start_time_unix_nano';
  return undefined;
}
