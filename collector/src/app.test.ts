import { describe, expect, it } from 'vitest';
import { startTestCollector } from './testing/start-test-collector.js';

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

  it('shuts down once however often it is asked, and stops listening', async () => {
    const c = await startTestCollector();
    await Promise.all([c.close(), c.close()]);
    await c.close();
    await expect(fetch(`${c.url}/healthz`)).rejects.toThrow();
  });
});
