import pg from 'pg';
import { StorageError } from '../../errors/raceway-error.js';

/**
 * SQLSTATE classes worth retrying: connection exceptions (08), serialization failures and deadlocks
 * (40), insufficient resources (53), operator intervention such as a restarting server (57), and
 * system errors (58). Data (22), constraint (23), syntax/undefined object (42) and auth (28) errors
 * will fail the same way again.
 */
const RETRYABLE_CLASSES = new Set(['08', '40', '53', '57', '58']);

/** The server's SQLSTATE; socket errors carry errno codes (`EPIPE`) instead, and no server error. */
const PERMANENT_DRIVER_ERRORS =
  /after calling end on the pool|does not support SSL|certificate|SASL|password must be a string/i;

function sqlState(error: unknown): string | undefined {
  return error instanceof pg.DatabaseError ? error.code : undefined;
}

/** Whether a failed database call may succeed later (connection loss, timeout, restart, deadlock). */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) return RETRYABLE_CLASSES.has(state.slice(0, 2));
  // No SQLSTATE: the driver or the socket failed (ECONNREFUSED, ECONNRESET, "Connection terminated",
  // connect/query timeouts), which passes. Settings that are wrong stay wrong: TLS the server does not
  // speak or a certificate that does not verify, a missing password, a pool ended on purpose.
  const message = error instanceof Error ? error.message : String(error);
  return !PERMANENT_DRIVER_ERRORS.test(message);
}

/** Wraps a driver error as a one-line `StorageError` that keeps the original as `cause`. */
export function toStorageError(operation: string, error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const state = sqlState(error);
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const suffix = state === undefined ? '' : ` (SQLSTATE ${state})`;
  return new StorageError(`postgres ${operation} failed: ${detail}${suffix}`, isRetryable(error), {
    cause: error,
  });
}
