import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatedStore } from '../../src/testing/gated-store.js';
import { ManualClock } from '../../src/testing/manual-clock.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { postBatch } from '../../src/testing/post-batch.js';
import type { RacewayEvent } from '../../src/model/event.js';
import { responseJson } from './response-json.js';

let collector: TestCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

async function start(maxEvents: number) {
  const clock = new ManualClock();
  const store = new GatedStore({ clock });
  collector = await startTestCollector({
    queue: { maxEvents, retryAfterMs: 3000 },
    parts: { clock, store },
  });
  return { c: collector, store };
}

async function traceIdsServed(c: TestCollector, events: readonly RacewayEvent[]): Promise<number> {
  let served = 0;
  for (const traceId of new Set(events.map((e) => e.trace_id))) {
    const res = await fetch(`${c.url}/api/traces/${traceId}`);
    const body = await responseJson(res);
    const ids = new Set(body.data.events.map((e: { id: string }) => e.id));
    served += events.filter((e) => e.trace_id === traceId && ids.has(e.id)).length;
  }
  return served;
}

describe('backpressure end to end', () => {
  it('answers 429 with Retry-After when the queue is full, then serves every accepted event', async () => {
    const { c, store } = await start(300);
    store.hold();
    const accepted = [0, 1, 2].map(() => realisticBatch({ events: 100 }));
    const pending = accepted.map((events) => postBatch(c, events));
    await vi.waitFor(() => expect(c.app.pipeline.queuedEvents).toBe(300), {
      timeout: 20_000,
    });

    const refusedEvents = realisticBatch({ events: 100 });
    const refused = await postBatch(c, refusedEvents);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    const body = await responseJson(refused);
    expect(body.success).toBe(false);
    expect(body.error).toMatch(/queue is full/);

    store.release();
    for (const res of await Promise.all(pending)) {
      expect(res.status).toBe(200);
      expect(await responseJson(res)).toEqual({
        success: true,
        data: 'Ingested 100 events',
        error: null,
      });
    }
    expect(await traceIdsServed(c, accepted.flat())).toBe(300);
    expect(await c.app.store.getEvent(refusedEvents[0]!.id)).toBeUndefined();

    // The client retries after Retry-After, and the batch goes in.
    expect((await postBatch(c, refusedEvents)).status).toBe(200);
    expect(await traceIdsServed(c, refusedEvents)).toBe(100);
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toMatch(/^raceway_events_backpressured_total 100$/m);
    expect(metrics).toMatch(/^raceway_events_accepted_total\{receiver="native"\} 400$/m);
  });

  it('answers 503 with Retry-After while the store is down, storing nothing, then recovers', async () => {
    const { c, store } = await start(1000);
    store.failNext(1, true);
    const events = realisticBatch({ events: 50 });
    const down = await postBatch(c, events);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('3');
    expect((await c.app.store.stats()).events).toBe(0);
    const again = await postBatch(c, events);
    expect(again.status).toBe(200);
    expect(await traceIdsServed(c, events)).toBe(50);
  });
});
