import * as grpc from '@grpc/grpc-js';
import {
  decodeLogsRequest,
  decodeTraceRequest,
  encodeLogsResponse,
  encodeTraceResponse,
  type OtlpPartialSuccess,
} from '@raceway/proto';
import { KeyRing, presentedKey } from '../../../api/auth/api-key.js';
import type { OtlpReceiverDeps } from '../create-otlp-http-handler.js';
import { otlpFailureOf } from '../otlp-failure.js';
import { ingestLogs, ingestTraces } from '../otlp-ingest.js';

export interface OtlpGrpcServerOptions extends OtlpReceiverDeps {
  host: string;
  /** 0 = ephemeral. */
  port: number;
  maxMessageBytes: number;
  /** Empty = no auth; otherwise the `authorization` (Bearer) or `x-raceway-api-key` metadata must match. */
  apiKeys: readonly string[];
}

export interface OtlpGrpcServer {
  /** The bound port. */
  readonly port: number;
  shutdown(): Promise<void>;
}

type Export = (body: Buffer) => Promise<Uint8Array>;

/** A unary OTLP `Export` method over raw bytes: decoding happens in the handler, so bad data maps to INVALID_ARGUMENT. */
function exportMethod(path: string): grpc.MethodDefinition<Buffer, Uint8Array> {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: (value: Buffer) => value,
    requestDeserialize: (bytes: Buffer) => bytes,
    responseSerialize: (value: Uint8Array) =>
      Buffer.from(value.buffer, value.byteOffset, value.byteLength),
    responseDeserialize: (bytes: Buffer) => bytes,
  };
}

const TRACE_SERVICE = {
  Export: exportMethod('/opentelemetry.proto.collector.trace.v1.TraceService/Export'),
};
const LOGS_SERVICE = {
  Export: exportMethod('/opentelemetry.proto.collector.logs.v1.LogsService/Export'),
};

/**
 * OTLP/gRPC `TraceService/Export` and `LogsService/Export` on @grpc/grpc-js. gzip-compressed requests are
 * accepted (grpc-js decompresses them); messages above `maxMessageBytes` are refused with
 * RESOURCE_EXHAUSTED by grpc-js. Bad data → INVALID_ARGUMENT; a full pipeline → UNAVAILABLE (503) or
 * RESOURCE_EXHAUSTED (429), both retryable for OTLP clients; a missing or wrong key → UNAUTHENTICATED.
 */
export async function startOtlpGrpcServer(options: OtlpGrpcServerOptions): Promise<OtlpGrpcServer> {
  const keys = new KeyRing(options.apiKeys);
  const server = new grpc.Server({
    'grpc.max_receive_message_length': options.maxMessageBytes,
  });
  const handler =
    (run: Export): grpc.handleUnaryCall<Buffer, Uint8Array> =>
    (call, callback) => {
      const first = (key: string): string | undefined => {
        const value = call.metadata.get(key)[0];
        return typeof value === 'string' ? value : undefined;
      };
      const key = presentedKey({
        authorization: first('authorization'),
        'x-raceway-api-key': first('x-raceway-api-key'),
        'x-raceway-key': first('x-raceway-key'),
      });
      if (!keys.accepts(key)) {
        callback({ code: grpc.status.UNAUTHENTICATED, details: 'missing or invalid API key' });
        return;
      }
      run(call.request).then(
        (response) => callback(null, response),
        (error: unknown) => {
          const failure = otlpFailureOf(error);
          if (failure.httpStatus >= 500 && failure.retryAfterMs === undefined)
            options.logger.error({ err: error }, 'OTLP/gRPC export failed');
          const metadata = new grpc.Metadata();
          if (failure.retryAfterMs !== undefined)
            metadata.set(
              'retry-after',
              String(Math.max(1, Math.ceil(failure.retryAfterMs / 1000))),
            );
          callback({ code: failure.rpcCode, details: failure.message, metadata });
        },
      );
    };
  const encodeTraces = (partial: OtlpPartialSuccess | undefined): Uint8Array =>
    encodeTraceResponse(partial);
  server.addService(TRACE_SERVICE, {
    Export: handler(async (body) =>
      encodeTraces(await ingestTraces(decodeTraceRequest(body), options)),
    ),
  });
  server.addService(LOGS_SERVICE, {
    Export: handler(async (body) =>
      encodeLogsResponse(await ingestLogs(decodeLogsRequest(body), options)),
    ),
  });

  const port = await new Promise<number>((resolve, reject) => {
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    server.bindAsync(
      `${host}:${options.port}`,
      grpc.ServerCredentials.createInsecure(),
      (err, bound) => (err ? reject(err) : resolve(bound)),
    );
  });

  let stopping: Promise<void> | undefined;
  return {
    port,
    shutdown() {
      stopping ??= new Promise<void>((resolve) => {
        // In-flight exports finish; stuck clients are cut after a grace period.
        const force = setTimeout(() => server.forceShutdown(), 5_000);
        force.unref();
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      return stopping;
    },
  };
}
