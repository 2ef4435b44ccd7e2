import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Koa from 'koa';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { accessLog } from './access-log.js';

describe('accessLog', () => {
  it('logs method, path and status, never the query string that may hold a key', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const app = new Koa();
    app.use(accessLog(pino({ level: 'debug' }, sink)));
    app.use((ctx) => {
      ctx.status = 204;
    });
    const handle = app.callback();
    const server = createServer((req, res) => void handle(req, res)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/api/stream?api_key=s3cret`);
    server.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/api/stream', status: 204 });
    expect(JSON.stringify(lines)).not.toContain('s3cret');
  });
});
