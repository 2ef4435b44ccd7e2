import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from '@koa/router';
import Koa from 'koa';
import { decodeRpcStatus } from '@raceway/proto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpAppDeps } from '../http-app-deps.js';
import { isOtlpPath, otlpRoutes } from '../routes/otlp-routes.js';
import { answerError } from './error-answer.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(app: Pick<Koa, 'callback'>): Promise<string> {
  const handle = app.callback();
  const server = createServer((req, res) => void handle(req, res)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An app answering every request with this refusal. */
function refusing() {
  return serve(
    new Koa().use((ctx) => {
      answerError(ctx, {
        status: 429,
        message: 'Too Many Requests',
        headers: { 'Retry-After': '7' },
        extra: { hint: 'slow down' },
        detail: 'more than 3 requests per minute',
      });
    }),
  );
}

const MESSAGE = 'Too Many Requests: more than 3 requests per minute';

describe('answerError', () => {
  it.each([
    ['/v1/traces', 'application/x-protobuf'],
    ['/v1/logs', 'application/protobuf'],
    ['/V1/Traces/', 'application/x-protobuf; charset=binary'],
  ])('answers %s sent as %s with a binary google.rpc.Status', async (path, type) => {
    const res = await fetch(`${await refusing()}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: 'x',
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    expect(decodeRpcStatus(Buffer.from(await res.arrayBuffer()))).toEqual({
      code: 8,
      message: MESSAGE,
    });
  });

  it.each([
    ['JSON', 'application/json'],
    ['an unknown type', 'text/plain'],
    ['no type', undefined],
  ])('answers an OTLP route sent as %s with a JSON google.rpc.Status', async (_n, type) => {
    const res = await fetch(`${await refusing()}/v1/logs`, {
      method: 'POST',
      ...(type === undefined ? {} : { headers: { 'Content-Type': type } }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ code: 8, message: MESSAGE });
  });

  it.each(['/events', '/api/traces', '/v1/metrics', '/v1/traces/x'])(
    'answers %s with the envelope, even for a protobuf request',
    async (path) => {
      const res = await fetch(`${await refusing()}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-protobuf' },
        body: 'x',
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toEqual({
        success: false,
        data: null,
        error: 'Too Many Requests',
        hint: 'slow down',
      });
    },
  );

  it.each([
    '/v1/traces',
    '/v1/logs',
    '/v1/traces/',
    '/V1/LOGS',
    '/v1/traces?x=1',
    '/v1/metrics',
    '/v1/traces/x',
    '/v1//traces',
    '//v1/traces',
    '/v1/tracesx',
    '/api/v1/traces',
  ])('treats %s as an OTLP route exactly when the OTLP router serves it', async (path) => {
    const router = new Router();
    const deps = {
      options: { maxBodyBytes: 1024 },
      otlp: () =>
        Promise.resolve({ status: 204, contentType: 'text/plain', body: Buffer.alloc(0) }),
    } as unknown as HttpAppDeps;
    otlpRoutes(router, deps);
    const res = await fetch(`${await serve(new Koa().use(router.routes()))}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(isOtlpPath(path.split('?')[0]!)).toBe(res.status === 204);
  });
});
