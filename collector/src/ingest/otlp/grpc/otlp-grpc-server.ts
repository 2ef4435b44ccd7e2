import type { OtlpReceiverDeps } from '../create-otlp-http-handler.js';

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

/** OTLP/gRPC `TraceService/Export` (and `LogsService/Export`) on @grpc/grpc-js. */
export function startOtlpGrpcServer(_options: OtlpGrpcServerOptions): Promise<OtlpGrpcServer> {
  return Promise.reject(new Error('OTLP gRPC receiver not implemented yet'));
}
