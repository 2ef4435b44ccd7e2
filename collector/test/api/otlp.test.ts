import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OtlpHttpRequest, OtlpHttpResponse } from '../../src/ingest/otlp/otlp-http-handler.js';
import type { Harness } from './http-app-harness.js';
import { json, startHttpApp } from './http-app-harness.js';

/** Records what the HTTP layer hands the OTLP receiver and answers with `answer`. */
function receiver(answer: OtlpHttpResponse) {
  const seen: OtlpHttpRequest[] = [];
  const handler = (request: OtlpHttpRequest) => {
    seen.push(request);
    return Promise.resolve(answer);
  };
  return { seen, handler };
}

const OK: OtlpHttpResponse = {
  status: 200,
  contentType: 'application/x-protobuf',
  body: Buffer.from([]),
};
const EXPORT_JSON = JSON.stringify({ resourceSpans: [] });

describe('OTLP/HTTP mount', () => {
  let h: Harness;
  afterEach(() => h.close());

  it.each(['traces', 'logs'] as const)(
    'hands /v1/%s the decompressed body and answers as the receiver says',
    async (signal) => {
      const r = receiver(OK);
      h = await startHttpApp({ otlp: r.handler });
      const res = await fetch(`${h.url}/v1/${signal}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: gzipSync(EXPORT_JSON),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-protobuf');
      expect(r.seen).toHaveLength(1);
      expect(r.seen[0]!.signal).toBe(signal);
      expect(r.seen[0]!.contentType).toBe('application/json');
      expect(r.seen[0]!.body.toString()).toBe(EXPORT_JSON);
    },
  );

  it('passes the receiver’s Retry-After through', async () => {
    const r = receiver({ ...OK, status: 503, retryAfterSeconds: 7 });
    h = await startHttpApp({ otlp: r.handler });
    const res = await fetch(`${h.url}/v1/traces`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-protobuf' },
      body: Buffer.from([0x0a, 0x00]),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(r.seen[0]!.contentType).toBe('application/x-protobuf');
  });

  it('answers 415 for an encoding OTLP does not define', async () => {
    h = await startHttpApp({ otlp: receiver(OK).handler });
    const res = await fetch(`${h.url}/v1/traces`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(res.status).toBe(415);
  });

  it('answers 413 when the export inflates past the limit', async () => {
    const r = receiver(OK);
    h = await startHttpApp({ otlp: r.handler, api: { maxBodyBytes: 1024 } });
    const res = await fetch(`${h.url}/v1/traces`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-protobuf', 'Content-Encoding': 'gzip' },
      body: gzipSync(Buffer.alloc(64 * 1024)),
    });
    expect(res.status).toBe(413);
    expect(r.seen).toHaveLength(0);
  });

  it('answers 404 and UNIMPLEMENTED when no OTLP receiver is configured', async () => {
    h = await startHttpApp();
    const res = await fetch(`${h.url}/v1/traces`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: EXPORT_JSON,
    });
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ code: 12, message: 'Not found: POST /v1/traces' });
  });

  it('serves only OTLP on the dedicated port, with the same keys', async () => {
    const r = receiver(OK);
    h = await startHttpApp({ otlp: r.handler, otlpPort: true, api: { apiKeys: ['k'] } });
    const post = (headers: Record<string, string>) =>
      fetch(`${h.url}/v1/traces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: EXPORT_JSON,
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ Authorization: 'Bearer k' })).status).toBe(200);
    expect((await fetch(`${h.url}/api/traces?api_key=k`)).status).toBe(404);
    expect((await fetch(`${h.url}/events?api_key=k`, { method: 'POST' })).status).toBe(404);
  });
});
