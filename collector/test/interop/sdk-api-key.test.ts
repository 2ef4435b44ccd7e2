import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import {
  getData,
  ingested,
  loadInteropFixture,
  postAsSdk,
  waitForTraces,
  eventsOf,
  type Json,
} from './interop-fixture.js';

/**
 * The old SDKs' API key (`apiKey` in TS, `api_key` in Python): both send it twice, as
 * `Authorization: Bearer <key>` and `X-Raceway-Key: <key>` (spec §1.6).
 */
describe('old SDKs with an API key', () => {
  const ts = loadInteropFixture('ts-api-key-float-duration');
  const py = loadInteropFixture('python-to-python-relay');
  const key = ts.api_key as string;
  const auth = { 'X-Raceway-Key': key };
  let c: TestCollector;

  beforeAll(async () => {
    c = await startTestCollector({ apiKeys: [key] });
  });
  afterAll(() => c.close());

  it('sends the key in both headers', () => {
    for (const request of [...ts.requests, ...py.requests]) {
      expect(request.headers.authorization).toBe(`Bearer ${key}`);
      expect(request.headers['x-raceway-key']).toBe(key);
    }
    expect(ts.requests[0]!.headers['x-raceway-internal']).toBe('true');
  });

  it('refuses a batch without the key with a JSON 401, and stores nothing', async () => {
    const { authorization, 'x-raceway-key': _key, ...keyless } = ts.requests[0]!.headers;
    expect(authorization).toBeDefined();
    const answer = await postAsSdk(c.url, { ...ts.requests[0]!, headers: keyless });
    expect(answer).toMatchObject({
      status: 401,
      body: { success: false, data: null, error: 'Unauthorized' },
    });
    const traceId = ts.requests[0]!.body.events[0].trace_id as string;
    const res = await fetch(`${c.url}/api/traces/${traceId}`, { headers: auth });
    expect(res.status).toBe(404);
  });

  it('accepts the TS and the Python batches exactly as sent', async () => {
    for (const request of [...ts.requests, ...py.requests]) {
      expect(await postAsSdk(c.url, request)).toEqual({
        status: 200,
        body: ingested(request.body.events.length),
      });
    }
    await waitForTraces(c.url, [...eventsOf(ts), ...eventsOf(py)], auth);
  });

  it('accepts either header alone', async () => {
    const request = ts.requests[0]!;
    const { authorization, 'x-raceway-key': xKey, ...rest } = request.headers;
    for (const headers of [
      { ...rest, authorization: authorization! },
      { ...rest, 'x-raceway-key': xKey! },
    ]) {
      expect(await postAsSdk(c.url, { ...request, headers })).toMatchObject({ status: 200 });
    }
  });

  it('keeps what the old server rejected: a float duration_ms and reads without old_value', async () => {
    const sent = ts.requests[0]!.body.events;
    const response = sent.at(-1);
    expect(response.kind.HttpResponse.duration_ms).not.toSatisfy(Number.isInteger);
    const sentReads = sent.filter((e: Json) => e.kind.StateChange?.access_type === 'Read');
    expect(sentReads.map((e: Json) => 'old_value' in e.kind.StateChange)).toEqual([
      false,
      false,
      false,
    ]);
    const trace = await getData(c.url, `/api/traces/${response.trace_id}`, auth);
    const stored = trace.events.find((e: Json) => e.id === response.id);
    expect(stored.kind.HttpResponse.duration_ms).toBe(response.kind.HttpResponse.duration_ms);
    expect(stored.metadata.duration_ns).toBe(1925952);
    const reads = trace.events.filter((e: Json) => e.kind.StateChange?.access_type === 'Read');
    expect(reads.map((e: Json) => e.id).sort()).toEqual(sentReads.map((e: Json) => e.id).sort());
  });
});
