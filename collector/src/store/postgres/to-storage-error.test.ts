import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../errors/raceway-error.js';
import { isRetryable, toStorageError } from './to-storage-error.js';

function serverError(code: string, message = 'server said no'): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function socketError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe('toStorageError', () => {
  it.each([
    ['a refused connection', socketError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a broken pipe (an errno code, not a SQLSTATE)', socketError('write EPIPE', 'EPIPE')],
    ['a connection lost mid-query', socketError('Connection terminated unexpectedly')],
    ['a connect timeout', socketError('timeout exceeded when trying to connect')],
    [
      'a server shutting down',
      serverError('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server still starting', serverError('57P03', 'the database system is starting up')],
    ['a deadlock', serverError('40P01', 'deadlock detected')],
    ['too many connections', serverError('53300', 'sorry, too many clients already')],
  ])('marks %s as retryable', (_name, error) => {
    expect(isRetryable(error)).toBe(true);
    expect(toStorageError('append', error).retryable).toBe(true);
  });

  it.each([
    ['bad data', serverError('22P02', 'invalid input syntax for type bigint: "1.5"')],
    ['a constraint', serverError('23505', 'duplicate key value')],
    ['a missing table', serverError('42P01', 'relation "raceway_events" does not exist')],
    ['a wrong password', serverError('28P01', 'password authentication failed for user "x"')],
    ['TLS the server does not speak', socketError('The server does not support SSL connections')],
    [
      'a certificate that does not verify',
      socketError('self-signed certificate in certificate chain'),
    ],
    ['an ended pool', socketError('Cannot use a pool after calling end on the pool')],
  ])('marks %s as permanent', (_name, error) => {
    expect(isRetryable(error)).toBe(false);
  });

  it('keeps one line, the SQLSTATE and the original error', () => {
    const cause = serverError('22P02', 'invalid input syntax\nLINE 1: ...');
    const error = toStorageError('append', cause);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.message).toBe('postgres append failed: invalid input syntax (SQLSTATE 22P02)');
    expect(error.cause).toBe(cause);
  });
});
