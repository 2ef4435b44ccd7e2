import { ApiError } from '../../cli/commands/api-error.js';

/** One line saying what went wrong, with the key hint on a 401. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.failure) {
      case 'unauthorized':
        return `unauthorized: start with --api-key KEY or set RACEWAY_API_KEY`;
      case 'unreachable':
        return `server unreachable: ${err.message}`;
      case 'not-found':
      case 'bad-request':
      case 'server':
        return err.message;
    }
  }
  return err instanceof Error ? err.message : String(err);
}
