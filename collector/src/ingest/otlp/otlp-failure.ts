import { BackpressureError, StorageError } from '../../errors/raceway-error.js';
import { OtlpDecodeError } from '@raceway/proto';

/** gRPC status codes used by OTLP (google.rpc.Code). */
export const RpcCode = {
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/**
 * How an export failure is answered (OTLP spec "Failures"): permanent (bad data: HTTP 400 /
 * INVALID_ARGUMENT, never retried) or retryable (backpressure: HTTP 429/503 / RESOURCE_EXHAUSTED /
 * UNAVAILABLE, with a delay).
 */
export interface OtlpFailure {
  httpStatus: number;
  rpcCode: number;
  message: string;
  retryAfterMs?: number;
}

export function otlpFailureOf(error: unknown): OtlpFailure {
  if (error instanceof OtlpDecodeError)
    return { httpStatus: 400, rpcCode: RpcCode.INVALID_ARGUMENT, message: error.message };
  if (error instanceof BackpressureError)
    return {
      httpStatus: error.status,
      rpcCode: error.status === 429 ? RpcCode.RESOURCE_EXHAUSTED : RpcCode.UNAVAILABLE,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    };
  if (error instanceof StorageError && error.retryable)
    return {
      httpStatus: 503,
      rpcCode: RpcCode.UNAVAILABLE,
      message: 'storage temporarily unavailable',
      retryAfterMs: 1000,
    };
  return { httpStatus: 500, rpcCode: RpcCode.INTERNAL, message: 'internal error' };
}
