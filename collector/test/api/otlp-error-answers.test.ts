import { gzipSync } from 'node:zlib';
import { decodeRpcStatus, type RpcStatus } from '@raceway/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/testing/manual-clock.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { RecordingLogs } from '../otlp/support/recorded-logs.js';
import { RecordingService, at, toJson, toProtobuf } from '../otlp/support/recorded-spans.js';

/*
 * Errors raised before the OTLP receiver (auth, rate limit, body limits and decoding, routing) reach OTLP
 * clients as a google.rpc.Status in the request's encoding, on the API port and on the OTLP port; the
 * native routes keep the JSON envelope for the same refusals.
 */

const KEY = 'k-otlp-errors';
const PB = 'application/x-protobuf';
const JSON_TYPE = 'application/json';
const LIMIT = 2048;

const svc = new RecordingService({ 'service.name': 'errors' });
svc.start('op', 0).end(at(1));
const logs = new RecordingLogs({ 'service.name': 'errors' });
logs.emit(undefined, 1, { msg: 'plain log' });
/** A valid export per path and encoding. */
const EXPORT: Record<string, Buffer> = {
  [`/v1/traces ${PB}`]: toProtobuf(svc.spans()),
  [`/v1/traces ${JSON_TYPE}`]: toJson(svc.spans()),
  [`/v1/logs ${PB}`]: logs.protobuf(),
  [`/v1/logs ${JSON_TYPE}`]: logs.json(),
};

const LISTENERS = [
  ['API port', (c: TestCollector) => c.url],
  ['OTLP port', (c: TestCollector) => c.otlpHttpUrl!],
] as const;
const CASES = LISTENERS.flatMap(([where, base]) =>
  (['traces', 'logs'] as const).flatMap((signal) =>
    [PB, JSON_TYPE].map((type) => ({ where, base, path: `/v1/${signal}`, type })),
  ),
);

/** The answer's google.rpc.Status, decoded as the answer's Content-Type says, which must be `type`. */
async function statusOf(res: Response, type: string): Promise<RpcStatus> {
  expect(res.headers.get('content-type')).toMatch(new RegExp(`^${type}`));
  const body = Buffer.from(await res.arrayBuffer());
  return type === PB ? decodeRpcStatus(body) : (JSON.parse(body.toString()) as RpcStatus);
}

describe('OTLP/HTTP errors raised before the receiver', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector({ apiKeys: [KEY], maxBodyBytes: LIMIT });
  });
  afterAll(() => c.close());

  describe.each(CASES)('$where $path as $type', ({ base, path, type }) => {
    const post = (
      headers: Record<string, string>,
      body: Buffer | string = EXPORT[`${path} ${type}`]!,
    ) =>
      fetch(`${base(c)}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': type, ...headers },
        body,
      });

    it('answers a missing key with 401, the challenge and UNAUTHENTICATED', async () => {
      const res = await post({});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const status = await statusOf(res, type);
      expect(status.code).toBe(16);
      expect(status.message).toMatch(/^Unauthorized: no API key sent\. .*Authorization: Bearer/);
    });

    it('answers a wrong key with 401 naming it', async () => {
      const res = await post({ Authorization: 'Bearer nope' });
      expect(res.status).toBe(401);
      expect(await statusOf(res, type)).toEqual({
        code: 16,
        message: expect.stringMatching(/^Unauthorized: the API key is not valid\./) as string,
      });
    });

    it('answers a body declared too large with 413 and RESOURCE_EXHAUSTED', async () => {
      const res = await post({ 'X-Raceway-Key': KEY }, Buffer.alloc(LIMIT + 1));
      expect(res.status).toBe(413);
      expect(res.headers.get('retry-after')).toBeNull();
      expect(await statusOf(res, type)).toEqual({
        code: 8,
        message: `Request body exceeds the limit of ${LIMIT} bytes (after decompression)`,
      });
    });

    it('answers a gzip body inflating past the limit with 413', async () => {
      const res = await post(
        { 'X-Raceway-Key': KEY, 'Content-Encoding': 'gzip' },
        gzipSync(Buffer.alloc(64 * LIMIT)),
      );
      expect(res.status).toBe(413);
      expect((await statusOf(res, type)).code).toBe(8);
    });

    it('answers a broken gzip body with 400 and INVALID_ARGUMENT', async () => {
      const res = await post({ 'X-Raceway-Key': KEY, 'Content-Encoding': 'gzip' }, 'not gzip');
      expect(res.status).toBe(400);
      const status = await statusOf(res, type);
      expect(status.code).toBe(3);
      expect(status.message).toMatch(/^Could not decode the request body: /);
    });

    it('answers an unknown Content-Encoding with 415', async () => {
      const res = await post({ 'X-Raceway-Key': KEY, 'Content-Encoding': 'zstd' });
      expect(res.status).toBe(415);
      expect(await statusOf(res, type)).toEqual({
        code: 3,
        message: "Unsupported Content-Encoding 'zstd': use gzip, deflate, br or identity",
      });
    });

    it('still accepts the export with the key', async () => {
      const res = await post({ 'X-Raceway-Key': KEY });
      expect(res.status).toBe(200);
    });
  });

  it.each(LISTENERS)(
    'answers another media type on the %s with 415 and a JSON Status',
    async (_where, base) => {
      const res = await fetch(`${base(c)}/v1/traces`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', 'X-Raceway-Key': KEY },
        body: 'x',
      });
      expect(res.status).toBe(415);
      const status = await statusOf(res, JSON_TYPE);
      expect(status.code).toBe(3);
      expect(status.message).toMatch(/^Unsupported Content-Type 'text\/plain': POST \/v1\/traces/);
    },
  );

  it.each(LISTENERS)('answers GET on the %s with 405 and a JSON Status', async (_where, base) => {
    const res = await fetch(`${base(c)}/v1/logs`, { headers: { 'X-Raceway-Key': KEY } });
    expect(res.status).toBe(405);
    expect((await statusOf(res, JSON_TYPE)).code).toBe(12);
  });

  it.each([
    ['a missing key', {}, 401, 'Unauthorized'],
    ['a body too large', { 'X-Raceway-Key': KEY }, 413, /exceeds the limit/],
    ['broken gzip', { 'X-Raceway-Key': KEY, 'Content-Encoding': 'gzip' }, 400, /Could not decode/],
  ] as const)('keeps the envelope on /events for %s', async (_n, headers, code, error) => {
    const body = code === 413 ? `[${' '.repeat(LIMIT)}]` : '{"events":[]}';
    const res = await fetch(`${c.url}/events`, {
      method: 'POST',
      headers: { 'Content-Type': JSON_TYPE, ...headers },
      body,
    });
    expect(res.status).toBe(code);
    const envelope = (await res.json()) as Record<string, unknown>;
    expect(envelope).toMatchObject({ success: false, data: null });
    expect(envelope['error']).toMatch(error);
    expect(envelope).not.toHaveProperty('code');
  });
});

describe('OTLP/HTTP rate limit', () => {
  // One key per case, so each starts with a full budget of one request; the clock never refills it.
  const keys = CASES.map((_c, i) => `key-${i}`);
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector({
      apiKeys: [...keys, 'native'],
      rateLimitRpm: 1,
      parts: { clock: new ManualClock() },
    });
  });
  afterAll(() => c.close());

  it.each(CASES.map((k, i) => ({ ...k, key: keys[i]! })))(
    'answers 429 with Retry-After and RESOURCE_EXHAUSTED on the $where $path as $type',
    async ({ base, path, type, key }) => {
      const post = () =>
        fetch(`${base(c)}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': type, Authorization: `Bearer ${key}` },
          body: EXPORT[`${path} ${type}`]!,
        });
      expect((await post()).status).toBe(200);
      const res = await post();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('60');
      expect(await statusOf(res, type)).toEqual({
        code: 8,
        message: 'Too Many Requests: more than 1 requests per minute from this client',
      });
    },
  );

  it('keeps the envelope on /api', async () => {
    const get = () => fetch(`${c.url}/api/traces`, { headers: { 'X-Raceway-Key': 'native' } });
    expect((await get()).status).toBe(200);
    const res = await get();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toEqual({ success: false, data: null, error: 'Too Many Requests' });
  });
});
