import * as grpc from '@grpc/grpc-js';

/** A raw unary call to an OTLP gRPC method with the bytes we choose (grpc-js, no generated stubs). */
export function grpcExport(
  target: string,
  body: Buffer,
  metadata: Record<string, string> = {},
  options: grpc.ClientOptions = {},
  method = '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
): Promise<{ error: grpc.ServiceError | null; response?: Buffer }> {
  const client = new grpc.Client(
    target.replace(/^http:\/\//, ''),
    grpc.credentials.createInsecure(),
    options,
  );
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(metadata)) md.set(k, v);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      method,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      md,
      (error, response) => {
        client.close();
        resolve(response === undefined ? { error } : { error, response });
      },
    );
  });
}
