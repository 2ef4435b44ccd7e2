import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { loadSdkFixture, sdkFixtureText } from '../fixtures/sdk/load-sdk-fixture.js';
import type { WireEvent } from '../fixtures/sdk/load-sdk-fixture.js';
import { responseJson } from './response-json.js';

/** Malformed `/events` bodies: each must get a 4xx with a reason, never a crash or a partial store. */
const template = loadSdkFixture('typescript-transfer').events;

const notJson = fc
  .oneof(
    fc.string(),
    fc.string().map((s) => `{"events":[${s}`),
    fc.constantFrom('', '{', '[', '{"events":', 'null,', '\u0000', '{"events":[}]}'),
    fc
      .integer({ min: 1, max: sdkFixtureText('typescript-transfer').length - 2 })
      .map((cut) => sdkFixtureText('typescript-transfer').slice(0, cut)),
  )
  .filter((text) => !parses(text));

const wrongEnvelope = fc
  .jsonValue()
  .filter(
    (v) =>
      typeof v !== 'object' ||
      v === null ||
      Array.isArray(v) ||
      !Array.isArray((v as Record<string, unknown>)['events']),
  )
  .map((v) => JSON.stringify(v));

/** A captured event broken in one way that no SDK would send. */
const brokenEvent: fc.Arbitrary<WireEvent> = fc
  .tuple(
    fc.nat({ max: template.length - 1 }),
    fc.constantFrom(
      'drop-id',
      'id',
      'trace',
      'timestamp',
      'kind',
      'kind-variant',
      'process',
      'metadata',
      'clock',
      'access',
      'line',
      'not-object',
    ),
    fc.oneof(fc.string(), fc.integer({ max: -1 }), fc.double(), fc.boolean(), fc.constant(null)),
  )
  .map(([i, how, junk]) => {
    const e: WireEvent = structuredClone(template[i]!);
    const weird = typeof junk === 'string' ? `x${junk}` : junk;
    switch (how) {
      case 'drop-id':
        delete e.id;
        break;
      case 'id':
        e.id = weird;
        break;
      case 'trace':
        e.trace_id = typeof junk === 'string' ? '' : junk;
        break;
      case 'timestamp':
        e.timestamp = weird;
        break;
      case 'kind':
        e.kind = typeof junk === 'string' ? { [`Bogus${junk}`]: {} } : junk;
        break;
      case 'kind-variant':
        e.kind = { StateChange: { variable: 'x', location: 'a:1', access_type: weird } };
        break;
      case 'process':
        e.metadata.process_id = typeof junk === 'number' && junk < 0 ? junk : `${String(junk)}!`;
        break;
      case 'metadata':
        e.metadata = weird;
        break;
      case 'clock':
        e.causality_vector = [[1, 'a']];
        break;
      case 'access':
        e.kind = { LockAcquire: { lock_id: 7, lock_type: 'Mutex', location: 'a:1' } };
        break;
      case 'line':
        e.kind = {
          FunctionCall: { function_name: 'f', module: 'm', args: {}, file: 'f', line: -1 },
        };
        break;
      case 'not-object':
        return weird as unknown as WireEvent;
    }
    return e;
  });

const allEventsBroken = fc
  .array(brokenEvent, { minLength: 1, maxLength: 20 })
  .map((events) => JSON.stringify({ events }));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('fuzzing POST /events with malformed bodies', () => {
  let c: TestCollector;
  const kept = loadSdkFixture('python-process').events;
  beforeAll(async () => {
    c = await startTestCollector();
    const res = await fetch(`${c.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sdkFixtureText('python-process'),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => c.close());

  it('answers every one with a 4xx and a reason, stores nothing, and keeps earlier data', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(notJson, wrongEnvelope, allEventsBroken), async (body) => {
        runs++;
        const res = await fetch(`${c.url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const answer = await responseJson(res);
        expect(answer.success).toBe(false);
        expect(typeof answer.error).toBe('string');
        expect(answer.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    expect(runs).toBeGreaterThanOrEqual(1000);

    expect((await c.app.store.stats()).events).toBe(kept.length);
    const trace = await responseJson(await fetch(`${c.url}/api/traces/${kept[0]!.trace_id}`));
    expect(trace.data.events.map((e: { id: string }) => e.id)).toEqual(kept.map((e) => e.id));
    expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
    // A thousand round trips: generous on a loaded machine; no timing is asserted.
  }, 180_000);
});
