import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import {
  eventsOf,
  getData,
  ingested,
  loadInteropFixture,
  postAsSdk,
  waitForTraces,
  type Json,
} from './interop-fixture.js';

/**
 * The old TS SDK's retry: on any failure it puts the batch back at the front of its buffer and re-sends it,
 * merged with newer events, until it gets a 2xx. Captured for real: the collector was down while 48 requests
 * ran, came back, and the answer to the first successful POST was lost, so the SDK sent those events again.
 * Everything must arrive exactly once, and every POST must get the body the SDK expects.
 */
describe('old TS SDK: re-sending after an outage', () => {
  const fixture = loadInteropFixture('ts-outage-resend');
  const withheld = fixture.withheld_answer_events as number;
  const [resend] = fixture.requests;
  let c: TestCollector;
  const answers: Json[] = [];

  beforeAll(async () => {
    c = await startTestCollector();
    // The first POST after the outage: the collector stored it, the SDK never saw the 200.
    answers.push(
      await postAsSdk(c.url, {
        ...resend!,
        body: { events: resend!.body.events.slice(0, withheld) },
      }),
    );
    for (const request of fixture.requests) answers.push(await postAsSdk(c.url, request));
    await waitForTraces(c.url, eventsOf(fixture));
  });
  afterAll(() => c.close());

  it('re-sends the unanswered events first, merged with newer ones', () => {
    expect(withheld).toBe(211);
    expect(resend!.body.events).toHaveLength(241);
    expect(new Set(eventsOf(fixture).map((e) => e.id)).size).toBe(48 * 6);
  });

  it('answers every POST, the re-send included, with the success body the SDK reads', () => {
    expect(answers).toEqual([
      { status: 200, body: ingested(withheld) },
      ...fixture.requests.map((r) => ({ status: 200, body: ingested(r.body.events.length) })),
    ]);
  });

  it('stores each event exactly once: 48 requests of 6 events', async () => {
    const list = await getData(c.url, '/api/traces?page_size=100');
    expect(list.total_traces).toBe(48);
    expect(list.traces.map((t: Json) => t.event_count)).toEqual(Array(48).fill(6));
    for (const { trace_id } of list.traces.slice(0, 5)) {
      const trace = await getData(c.url, `/api/traces/${trace_id}`);
      expect(new Set(trace.events.map((e: Json) => e.id)).size).toBe(6);
    }
  });

  it('counts the re-sent events as duplicates, not as new ones', async () => {
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toMatch(/^raceway_events_accepted_total\{receiver="native"\} 288$/m);
    expect(metrics).toMatch(/^raceway_events_duplicate_total 211$/m);
  });
});
