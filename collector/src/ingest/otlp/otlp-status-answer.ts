import { encodeRpcStatus, type RpcStatus } from '@raceway/proto';
import { RpcCode } from './otlp-failure.js';

const PROTOBUF = 'application/x-protobuf';
const JSON_TYPE = 'application/json';

export interface StatusAnswer {
  contentType: string;
  body: Buffer;
}

/**
 * A `google.rpc.Status` error body in the request's encoding (OTLP/HTTP spec "Failures"): binary protobuf
 * for a protobuf request, JSON for a JSON request and for anything else (a client that sent neither cannot
 * be expected to decode protobuf; the OTel Collector's receiver falls back to JSON too).
 */
export function statusAnswer(requestMediaType: string, status: RpcStatus): StatusAnswer {
  if (requestMediaType === PROTOBUF || requestMediaType === 'application/protobuf')
    return { contentType: PROTOBUF, body: Buffer.from(encodeRpcStatus(status)) };
  return { contentType: JSON_TYPE, body: Buffer.from(JSON.stringify(status)) };
}

/**
 * The `google.rpc.Code` of an HTTP error raised before the receiver (auth, rate limit, body limits), as the
 * OTel Collector's otlpreceiver maps them, plus 413 → RESOURCE_EXHAUSTED (what gRPC, and so our gRPC
 * listener, answers for an oversized message), 415 → INVALID_ARGUMENT and 500 → INTERNAL (what the
 * receiver itself answers for those).
 */
export function rpcCodeOfHttpStatus(httpStatus: number): number {
  switch (httpStatus) {
    case 400:
    case 415:
      return RpcCode.INVALID_ARGUMENT;
    case 401:
      return RpcCode.UNAUTHENTICATED;
    case 403:
      return RpcCode.PERMISSION_DENIED;
    case 404:
    case 405:
      return RpcCode.UNIMPLEMENTED;
    case 413:
    case 429:
      return RpcCode.RESOURCE_EXHAUSTED;
    case 500:
      return RpcCode.INTERNAL;
    case 502:
    case 503:
    case 504:
      return RpcCode.UNAVAILABLE;
    default:
      return RpcCode.UNKNOWN;
  }
}
