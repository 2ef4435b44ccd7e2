import protobuf from 'protobufjs';

/**
 * `google.rpc.Status` (code, message; no details), the body OTLP/HTTP requires for errors. Declared through
 * protobufjs reflection: the OTLP repository does not ship google/rpc/status.proto.
 */
const Status = new protobuf.Type('Status')
  .add(new protobuf.Field('code', 1, 'int32'))
  .add(new protobuf.Field('message', 2, 'string'));
new protobuf.Root().define('google.rpc').add(Status);

export interface RpcStatus {
  code: number;
  message: string;
}

export function encodeRpcStatus(status: RpcStatus): Uint8Array {
  return Status.encode(Status.fromObject(status)).finish();
}

export function decodeRpcStatus(body: Uint8Array): RpcStatus {
  const obj = Status.toObject(Status.decode(body), { defaults: true }) as RpcStatus;
  return { code: obj.code, message: obj.message };
}
