/**
 * Framework-free OTLP/HTTP handling, mounted by `api/` on the API port and on the dedicated OTLP port.
 * The HTTP layer has already checked auth and decompressed and size-checked the body.
 */
export interface OtlpHttpRequest {
  signal: 'traces' | 'logs';
  /** The request's Content-Type (media type without parameters, lower case). */
  contentType: string;
  body: Buffer;
}

export interface OtlpHttpResponse {
  status: number;
  contentType: string;
  body: Buffer;
  retryAfterSeconds?: number;
}

export type OtlpHttpHandler = (request: OtlpHttpRequest) => Promise<OtlpHttpResponse>;
