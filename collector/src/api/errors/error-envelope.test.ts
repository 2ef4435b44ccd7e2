import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Koa from 'koa';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  BackpressureError,
  NotFoundError,
  StorageError,
  UnauthorizedError,
  ValidationError,
} from '../../errors/raceway-error.js';
import { errorEnvelope } from './error-envelope.js';

/** Serves one app whose only route throws `err`, logging into `lines`. */
async function throwing(err: unknown) {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  const app = new Koa();
  app.use(errorEnvelope(pino({ level: 'debug' }, sink)));
  app.use(() => {
    throw err;
  });
  const handle = app.callback();
  const server = createServer((req, res) => void handle(req, res)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
  server.close();
  return { res, body: await res.json(), lines };
}

const ERROR = 50;
const WARN = 40;
const DEBUG = 20;

describe('errorEnvelope', () => {
  it.each([
    [new ValidationError('page must be an integer', 'page'), 400, 'page must be an integer', DEBUG],
    [new NotFoundError('Trace not found: x'), 404, 'Trace not found: x', DEBUG],
    [new UnauthorizedError(), 401, 'Unauthorized', DEBUG],
    [new BackpressureError('queue full', 1, 429), 429, 'queue full', DEBUG],
    [new StorageError('connection lost', true), 503, 'connection lost', WARN],
    [new StorageError('constraint violated: secret', false), 500, 'Internal server error', WARN],
    [new TypeError('x is undefined'), 500, 'Internal server error', ERROR],
  ])('answers %s with %i and its envelope', async (err, status, message, level) => {
    const { res, body, lines } = await throwing(err);
    expect(res.status).toBe(status);
    expect(body).toMatchObject({ success: false, data: null, error: message });
    expect(lines.map((l) => l.level)).toEqual([level]);
  });

  it('names the bad field of a validation error', async () => {
    const { body } = await throwing(new ValidationError('must be true or false', 'has_races'));
    expect(body).toEqual({
      success: false,
      data: null,
      error: 'must be true or false',
      field: 'has_races',
    });
  });

  it('turns a backpressure wait into whole Retry-After seconds, at least 1', async () => {
    expect(
      (await throwing(new BackpressureError('full', 1500))).res.headers.get('retry-after'),
    ).toBe('2');
    expect((await throwing(new BackpressureError('full', 0))).res.headers.get('retry-after')).toBe(
      '1',
    );
  });

  it('keeps the status and message Koa http errors expose', async () => {
    const err = Object.assign(new Error('Method Not Allowed'), { status: 405, expose: true });
    const { res, body } = await throwing(err);
    expect(res.status).toBe(405);
    expect(body).toEqual({ success: false, data: null, error: 'Method Not Allowed' });
  });
});
