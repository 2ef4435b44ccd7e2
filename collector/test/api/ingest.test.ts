import { randomUUID } from 'node:crypto';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackpressureError, StorageError } from '../../src/errors/raceway-error.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { SDK_FIXTURES, loadSdkFixture, sdkFixtureText } from '../fixtures/sdk/load-sdk-fixture.js';
import type { Harness } from './http-app-harness.js';
import { json, postEvents, startHttpApp } from './http-app-harness.js';

describe('POST /events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHttpApp({ api: { maxBodyBytes: 64 * 1024 } });
  });
  afterEach(() => h.close());

  it.each(SDK_FIXTURES)(
    'accepts the %s batch byte for byte with the old success body',
    async (name) => {
      const res = await postEvents(h.url, sdkFixtureText(name));
      const n = loadSdkFixture(name).events.length;
      expect(res.status).toBe(200);
      const body = await json(res);
      if (name === 'go-variants') {
        // Go's legacy variants are mapped or rejected one by one; the batch still gets a 200.
        expect(body.success).toBe(true);
        expect(body.data).toMatch(/^Ingested \d+ events$/);
        return;
      }
      expect(body).toEqual({ success: true, data: `Ingested ${n} events`, error: null });
    },
  );

  it('counts re-sent events as ingested and stores them once', async () => {
    const batch = { events: realisticBatch({ events: 7 }) };
    await postEvents(h.url, batch);
    const again = await json(await postEvents(h.url, batch));
    expect(again.data).toBe('Ingested 7 events');
    expect((await h.deps.store.stats()).events).toBe(7);
  });

  it('keeps the good events of a partly bad batch and lists the bad ones with a 200', async () => {
    const events: unknown[] = realisticBatch({ events: 3 });
    const badId = randomUUID();
    events.splice(1, 0, { id: badId, trace_id: randomUUID() });
    const res = await postEvents(h.url, { events });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.success).toBe(true);
    expect(body.data).toBe('Ingested 3 events');
    expect(body.error).toMatch(/^Rejected 1 of 4 events: \[1\] /);
    expect(body.rejected).toEqual([{ index: 1, id: badId, reason: expect.any(String) }]);
    expect((await h.deps.store.stats()).events).toBe(3);
    const metrics = await h.deps.metrics.registry.getSingleMetricAsString(
      'raceway_events_rejected_total',
    );
    expect(metrics).toContain('raceway_events_rejected_total{receiver="native"} 1');
  });

  it('answers 422 with every reason when no event is valid, storing nothing', async () => {
    const res = await postEvents(h.url, { events: [{ id: randomUUID() }, 42] });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.success).toBe(false);
    expect(body.data).toBeNull();
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([0, 1]);
    expect((await h.deps.store.stats()).events).toBe(0);
  });

  it('answers 400 for a body that is not {"events":[...]}', async () => {
    const res = await postEvents(h.url, { not_events: 'invalid' });
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatch(/events/);
  });

  it('answers 400 with the parser reason for malformed JSON', async () => {
    const res = await postEvents(h.url, '{"events": [');
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body).toMatchObject({ success: false, data: null });
    expect(body.error).toMatch(/^Malformed JSON: /);
  });

  it.each([
    ['no content type', undefined],
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
  ])('answers 415 with the reason for %s', async (_label, type) => {
    const res = await fetch(`${h.url}/events`, {
      method: 'POST',
      headers: type === undefined ? {} : { 'Content-Type': type },
      body: Buffer.from('{"events":[]}'),
    });
    expect(res.status).toBe(415);
    expect((await json(res)).error).toMatch(/accepts application\/json/);
  });

  it('accepts a charset parameter on the content type', async () => {
    const res = await postEvents(
      h.url,
      { events: [] },
      {
        'Content-Type': 'application/json; charset=utf-8',
      },
    );
    expect(await json(res)).toEqual({ success: true, data: 'Ingested 0 events', error: null });
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
  ])('accepts a %s body', async (encoding, compress) => {
    const batch = { events: realisticBatch({ events: 14 }) };
    const res = await postEvents(h.url, compress(JSON.stringify(batch)), {
      'Content-Encoding': encoding,
    });
    expect(await json(res)).toEqual({ success: true, data: 'Ingested 14 events', error: null });
  });

  it('answers 413 when a small gzip body inflates past the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 64 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await postEvents(h.url, bomb, { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect((await json(res)).error).toMatch(/after decompression/);
  });

  it('answers 413 for a plain body over the limit and keeps serving', async () => {
    const res = await postEvents(h.url, `{"events":[],"pad":"${'x'.repeat(100 * 1024)}"}`);
    expect(res.status).toBe(413);
    expect((await json(res)).success).toBe(false);
    const next = await postEvents(h.url, { events: [] });
    expect(next.status).toBe(200);
  });

  it('answers 400 for a body that is not valid gzip', async () => {
    const res = await postEvents(h.url, '{"events":[]}', { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatch(/decode/);
  });

  it('answers 415 for an unknown content encoding', async () => {
    const res = await postEvents(h.url, '{"events":[]}', { 'Content-Encoding': 'zstd' });
    expect(res.status).toBe(415);
    expect((await json(res)).error).toMatch(/Content-Encoding/);
  });

  it.each([
    [new BackpressureError('ingest queue is full', 2500, 429), 429, '3'],
    [new BackpressureError('collector is shutting down', 200, 503), 503, '1'],
  ])('answers %s as JSON with its status and Retry-After', async (refusal, status, retryAfter) => {
    await h.close();
    h = await startHttpApp({ sink: { submit: () => Promise.reject(refusal) } });
    const res = await postEvents(h.url, { events: realisticBatch({ events: 7 }) });
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect(await json(res)).toEqual({ success: false, data: null, error: refusal.message });
  });

  it.each([
    [new StorageError('database connection lost', true), 503, 'database connection lost'],
    [new StorageError('disk full: /var/lib/x', false), 500, 'Internal server error'],
    [new Error('bug with a secret in it'), 500, 'Internal server error'],
  ])(
    'answers a failing store (%s) in JSON without leaking internals',
    async (err, status, error) => {
      await h.close();
      h = await startHttpApp({ sink: { submit: () => Promise.reject(err) } });
      const res = await postEvents(h.url, { events: realisticBatch({ events: 7 }) });
      expect(res.status).toBe(status);
      expect(await json(res)).toEqual({ success: false, data: null, error });
    },
  );
});
