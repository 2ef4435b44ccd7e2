import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/testing/manual-clock.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';
import type { Harness } from './http-app-harness.js';
import { getJson, json, postEvents, startHttpApp } from './http-app-harness.js';

describe('health, status, metrics and probes', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('reports the warm-up summary at /health', async () => {
    h = await startHttpApp();
    const { status, body } = await getJson(h.url, '/health');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      phase: 'completed',
      ready: true,
      last_trace: null,
      last_error: null,
      started_at: new Date(h.clock.now()).toISOString(),
    });
  });

  it('reports real uptime and stored counts at /status', async () => {
    h = await startHttpApp({ api: { version: '9.9.9' } });
    await postEvents(h.url, { events: realisticBatch({ events: 14 }) });
    h.clock.advance(65_500);
    const { body } = await getJson(h.url, '/status');
    expect(body.data).toMatchObject({
      version: '9.9.9',
      uptime_seconds: 65,
      events_captured: 14,
      traces_active: 2,
      warmup: { phase: 'completed', ready: true },
    });
  });

  it('serves Prometheus text at /metrics', async () => {
    h = await startHttpApp();
    await postEvents(h.url, { events: realisticBatch({ events: 7 }) });
    const res = await fetch(`${h.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/raceway_events_accepted_total\{receiver="native"\} 7/);
  });

  it('answers /healthz always and /readyz by the boot state', async () => {
    h = await startHttpApp({ status: { ready: false, phase: 'replaying' } });
    expect((await getJson(h.url, '/healthz')).status).toBe(200);
    const ready = await getJson(h.url, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      success: false,
      data: { ready: false, phase: 'replaying' },
    });
  });

  it('answers /health with 503 when the boot failed', async () => {
    h = await startHttpApp({ status: { ready: false, phase: 'failed', lastError: 'db down' } });
    const { status, body } = await getJson(h.url, '/health');
    expect(status).toBe(503);
    expect(body.data).toMatchObject({ phase: 'failed', last_error: 'db down' });
  });

  it('tells old UIs that no UI login exists', async () => {
    h = await startHttpApp();
    expect((await getJson(h.url, '/auth/check')).body).toEqual({
      authenticated: true,
      auth_required: false,
    });
    const login = await fetch(`${h.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"password":"x"}',
    });
    expect(login.status).toBe(400);
    expect(await json(login)).toEqual({
      success: false,
      data: null,
      error: 'UI authentication is not enabled',
    });
  });
});

describe('the boot replay in /status', () => {
  it('reports when the boot replay completed, on the memory store too', async () => {
    const clock = new ManualClock();
    const startedAt = new Date(clock.now()).toISOString();
    // A replay that takes 1.5 s of the collector's clock.
    class SlowReplayStore extends MemoryStore {
      override replay(
        ...args: Parameters<MemoryStore['replay']>
      ): ReturnType<MemoryStore['replay']> {
        clock.advance(1_500);
        return super.replay(...args);
      }
    }
    const collector = await startTestCollector({
      parts: { clock, store: new SlowReplayStore({ clock }) },
    });
    const { body } = await getJson(collector.url, '/status').finally(() => collector.close());
    expect(body.data).toMatchObject({
      warmup: {
        phase: 'completed',
        started_at: startedAt,
        completed_at: new Date(Date.parse(startedAt) + 1_500).toISOString(),
      },
    });
  });
});
