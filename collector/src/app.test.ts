import { describe, expect, it } from 'vitest';
import { StorageError } from './errors/raceway-error.js';
import type { StoredEvent } from './model/stored-event.js';
import { MemoryStore } from './store/memory/memory-store.js';
import { systemClock } from './model/clock.js';
import { realisticBatch, storedEvents } from './testing/realistic-batch.js';
import { startTestCollector } from './testing/start-test-collector.js';

/** A store whose first boot replay fails part way, as when the database drops the connection. */
class FlakyReplayStore extends MemoryStore {
  failures = 1;

  override async replay(
    onBatch: (events: StoredEvent[]) => void | Promise<void>,
    batchSize?: number,
  ): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new StorageError('connection terminated unexpectedly', true);
    }
    return super.replay(onBatch, batchSize);
  }
}

describe('createApp', () => {
  it('serves every listener on its own port and reports them', async () => {
    const c = await startTestCollector();
    try {
      expect(c.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(c.otlpHttpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(c.otlpGrpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(new Set([c.url, c.otlpHttpUrl, c.otlpGrpcUrl]).size).toBe(3);
      expect(c.app.status()).toMatchObject({ ready: true, phase: 'completed' });
      expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
    } finally {
      await c.close();
    }
  });

  it('leaves disabled OTLP listeners out', async () => {
    const c = await startTestCollector({
      otlpHttp: { enabled: false },
      otlpGrpc: { enabled: false },
    });
    try {
      expect(c.otlpHttpUrl).toBeUndefined();
      expect(c.otlpGrpcUrl).toBeUndefined();
    } finally {
      await c.close();
    }
  });

  it('retries a boot replay that failed, then becomes ready with the stored events analysed', async () => {
    const store = new FlakyReplayStore({ clock: systemClock });
    const [event] = storedEvents(realisticBatch({ events: 7 }), 1);
    await store.append([event!]);
    // Ready (startTestCollector waits for it) only once a retry has replayed everything.
    const c = await startTestCollector({ parts: { store } });
    try {
      expect(c.app.status()).toMatchObject({ ready: true, phase: 'completed' });
      expect(c.app.analyzer.computed(event!)).toBeDefined();
      expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
    } finally {
      await c.close();
    }
  });

  it('shuts down once however often it is asked, and stops listening', async () => {
    const c = await startTestCollector();
    await Promise.all([c.close(), c.close()]);
    await c.close();
    await expect(fetch(`${c.url}/healthz`)).rejects.toThrow();
  });
});
