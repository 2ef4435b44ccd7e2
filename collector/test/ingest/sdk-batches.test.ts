import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { SDK_FIXTURES, loadSdkFixture, sdkFixtureText } from '../fixtures/sdk/load-sdk-fixture.js';
import { responseJson } from './response-json.js';

/** The exact request each SDK makes (spec §1.6): JSON body, its auth headers when a key is set. */
function post(c: TestCollector, body: string, headers: Record<string, string> = {}) {
  return fetch(`${c.url}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

describe('the four SDK batches end to end', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector();
  });
  afterAll(() => collector.close());

  it.each(SDK_FIXTURES)('stores the %s batch and serves it at once', async (name) => {
    const res = await post(collector, sdkFixtureText(name));
    expect(res.status).toBe(200);
    const events = loadSdkFixture(name).events;
    expect(await responseJson(res)).toEqual({
      success: true,
      data: `Ingested ${events.length} events`,
      error: null,
    });
    const traceIds = new Set(
      (await Promise.all(events.map((e) => collector.app.store.getEvent(e.id)))).map(
        (e) => e?.trace_id,
      ),
    );
    expect(traceIds.size).toBe(1);
    const [traceId] = traceIds;
    const trace = await fetch(`${collector.url}/api/traces/${traceId}`);
    expect(trace.status).toBe(200);
    const body = await responseJson(trace);
    expect(body.success).toBe(true);
    expect(body.data.events.map((e: { id: string }) => e.id).sort()).toEqual(
      events.map((e) => e.id).sort(),
    );
  });

  it('ingests a re-sent batch idempotently (the TS SDK resends after any failure)', async () => {
    const text = sdkFixtureText('python-process');
    await post(collector, text);
    const again = await post(collector, text);
    expect(again.status).toBe(200);
    const traceId = loadSdkFixture('python-process').events[0]!.trace_id;
    expect(await collector.app.store.traceEvents(traceId)).toHaveLength(7);
  });
});

describe('the SDKs with an API key', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector({ apiKeys: ['secret-key'] });
  });
  afterAll(() => collector.close());

  it('accepts the Python batch with the headers the Python SDK sends', async () => {
    const res = await post(collector, sdkFixtureText('python-process'), {
      Authorization: 'Bearer secret-key',
      'X-Raceway-Key': 'secret-key',
    });
    expect(res.status).toBe(200);
  });

  it('refuses the batch without a key and stores nothing', async () => {
    const res = await post(collector, sdkFixtureText('rust-transfer'));
    expect(res.status).toBe(401);
    const first = loadSdkFixture('rust-transfer').events[0]!;
    expect(await collector.app.store.getEvent(first.id)).toBeUndefined();
  });
});
