import {
  decodeLogsRequest,
  decodeTraceRequest,
  encodeLogsResponse,
  encodeTraceResponse,
  logsResponseJson,
  parseLogsRequestJson,
  parseTraceRequestJson,
  traceResponseJson,
  type OtlpPartialSuccess,
} from '@raceway/proto';
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../../metrics/collector-metrics.js';
import type { EventSink } from '../../pipeline/event-sink.js';
import type { OtlpHttpHandler, OtlpHttpRequest, OtlpHttpResponse } from './otlp-http-handler.js';
import { otlpFailureOf, RpcCode } from './otlp-failure.js';
import { ingestLogs, ingestTraces } from './otlp-ingest.js';
import { statusAnswer } from './otlp-status-answer.js';

export interface OtlpReceiverDeps {
  sink: EventSink;
  metrics: CollectorMetrics;
  logger: Logger;
}

const PROTOBUF = 'application/x-protobuf';
const JSON_TYPE = 'application/json';

/**
 * Decodes OTLP/HTTP exports (protobuf or JSON), converts spans and logs to events, submits them. Answers
 * per the OTLP spec, always in the request's encoding: 200 with `Export*ServiceResponse` (and
 * `partial_success` when some items were rejected), 400 with a `google.rpc.Status` for a malformed body,
 * 415 for another content type, 429/503 with `retryAfterSeconds` when the pipeline is full.
 */
export function createOtlpHttpHandler(deps: OtlpReceiverDeps): OtlpHttpHandler {
  return async (request) => {
    const json = request.contentType === JSON_TYPE;
    if (!json && request.contentType !== PROTOBUF && request.contentType !== 'application/protobuf')
      return {
        status: 415,
        ...statusAnswer(request.contentType, {
          code: RpcCode.INVALID_ARGUMENT,
          message: `unsupported content type "${request.contentType}": use ${PROTOBUF} or ${JSON_TYPE}`,
        }),
      };
    try {
      const partial = await exportSignal(request, json, deps);
      return {
        status: 200,
        contentType: json ? JSON_TYPE : PROTOBUF,
        body: responseBody(request, json, partial),
      };
    } catch (error) {
      const failure = otlpFailureOf(error);
      if (failure.httpStatus >= 500 && failure.retryAfterMs === undefined)
        deps.logger.error({ err: error }, 'OTLP export failed');
      const response: OtlpHttpResponse = {
        status: failure.httpStatus,
        ...statusAnswer(request.contentType, { code: failure.rpcCode, message: failure.message }),
      };
      if (failure.retryAfterMs !== undefined)
        response.retryAfterSeconds = Math.max(1, Math.ceil(failure.retryAfterMs / 1000));
      return response;
    }
  };
}

function exportSignal(
  request: OtlpHttpRequest,
  json: boolean,
  deps: OtlpReceiverDeps,
): Promise<OtlpPartialSuccess | undefined> {
  if (request.signal === 'traces')
    return ingestTraces(
      json ? parseTraceRequestJson(request.body) : decodeTraceRequest(request.body),
      deps,
    );
  return ingestLogs(
    json ? parseLogsRequestJson(request.body) : decodeLogsRequest(request.body),
    deps,
  );
}

function responseBody(
  request: OtlpHttpRequest,
  json: boolean,
  partial: OtlpPartialSuccess | undefined,
): Buffer {
  if (request.signal === 'traces')
    return json
      ? Buffer.from(JSON.stringify(traceResponseJson(partial)))
      : Buffer.from(encodeTraceResponse(partial));
  return json
    ? Buffer.from(JSON.stringify(logsResponseJson(partial)))
    : Buffer.from(encodeLogsResponse(partial));
}
