/** A body that is not a valid OTLP request (bad protobuf, bad JSON, wrong shape): permanent, answer 400. */
export class OtlpDecodeError extends Error {
  /** Where in the body (dotted path), when known. */
  readonly path: string | undefined;

  constructor(message: string, path?: string, options?: { cause?: unknown }) {
    super(path ? `${path}: ${message}` : message, options);
    this.name = 'OtlpDecodeError';
    this.path = path;
  }
}
