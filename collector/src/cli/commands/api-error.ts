import { ExitCode } from './exit-codes.js';
import type { ExitCodeValue } from './exit-codes.js';

/** Why a call to the collector API failed. */
export type ApiFailure = 'unreachable' | 'unauthorized' | 'not-found' | 'bad-request' | 'server';

/** A failed API call: the failure kind, the HTTP status when there was one, and the server's message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly failure: ApiFailure,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The process exit code a CLI command reports for this failure. */
  get exitCode(): ExitCodeValue {
    switch (this.failure) {
      case 'unauthorized':
        return ExitCode.unauthorized;
      case 'not-found':
        return ExitCode.notFound;
      case 'bad-request':
        return ExitCode.usage;
      case 'unreachable':
      case 'server':
        return ExitCode.serverError;
    }
  }
}

/** How to pass a key, for the message shown on a 401. */
export const API_KEY_HINT =
  'the server requires an API key: pass --api-key KEY or set RACEWAY_API_KEY (sent as "Authorization: Bearer KEY")';
