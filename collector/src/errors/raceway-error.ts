/**
 * Every error the collector raises on purpose. Only `api/` turns these into HTTP (one middleware writes the
 * `{success,data,error}` envelope); other stages throw or return them and never format responses.
 */
export interface RacewayErrorOptions {
  cause?: unknown;
  /** Whether the message may be shown to the client. */
  expose?: boolean;
}

export class RacewayError extends Error {
  readonly code: string;
  readonly status: number;
  readonly expose: boolean;

  constructor(code: string, status: number, message: string, options: RacewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.expose = options.expose ?? status < 500;
  }
}

/** Bad input; `path` names the offending field (JSON pointer or dotted path). */
export class ValidationError extends RacewayError {
  readonly path: string | undefined;
  constructor(message: string, path?: string, options?: RacewayErrorOptions) {
    super('invalid_argument', 400, message, options);
    this.path = path;
  }
}

/** The pipeline (or a store behind it) cannot take more now; retry after `retryAfterMs`. */
export class BackpressureError extends RacewayError {
  readonly retryAfterMs: number;
  constructor(
    message: string,
    retryAfterMs: number,
    status: 429 | 503 = 503,
    options?: RacewayErrorOptions,
  ) {
    super('unavailable', status, message, { expose: true, ...options });
    this.retryAfterMs = retryAfterMs;
  }
}

export class NotFoundError extends RacewayError {
  constructor(message: string, options?: RacewayErrorOptions) {
    super('not_found', 404, message, options);
  }
}

export class UnauthorizedError extends RacewayError {
  constructor(message = 'Unauthorized', options?: RacewayErrorOptions) {
    super('unauthenticated', 401, message, options);
  }
}

/** A storage backend failed; retryable when the backend may come back (connection loss, timeouts). */
export class StorageError extends RacewayError {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, options?: RacewayErrorOptions) {
    super('storage', retryable ? 503 : 500, message, { expose: retryable, ...options });
    this.retryable = retryable;
  }
}

/** Configuration that cannot start the collector; `key` names the bad setting. */
export class ConfigError extends RacewayError {
  readonly key: string;
  constructor(key: string, message: string, options?: RacewayErrorOptions) {
    super('config', 500, `${key}: ${message}`, { expose: true, ...options });
    this.key = key;
  }
}
