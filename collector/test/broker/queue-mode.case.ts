import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config/raceway-config.js';
import { postBatch } from '../../src/testing/post-batch.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { RecordingService, at, toJson } from '../otlp/support/recorded-spans.js';
import { TcpProxy } from './tcp-proxy.js';
import { closedPort, silent } from './test-broker.js';
import type { TestBroker } from './test-broker.js';

/** `raceway serve --queue <broker>` end to end: what every broker of queue mode must do. */
export function describeQueueMode(broker: TestBroker, unreachable: string | undefined): void {
  const { kind } = broker;
  describe.skipIf(unreachable !== undefined)(`raceway serve --queue ${kind}`, () => {
    const names: string[] = [];
    let collector: TestCollector | undefined;
    let proxy: TcpProxy | undefined;
    afterEach(async () => {
      await collector?.close();
      await proxy?.close();
      collector = undefined;
      proxy = undefined;
    });
    afterAll(() => broker.remove(names));

    it('refuses to start with a clear error, never showing the password, when the broker is down', async () => {
      const scheme = kind === 'nats' ? 'nats' : 'amqp';
      const url = `${scheme}://raceway:s3cret@127.0.0.1:${await closedPort()}`;
      const app = createApp(
        {
          ...defaultConfig(),
          port: 0,
          otlpHttp: { enabled: false, host: '127.0.0.1', port: 0 },
          otlpGrpc: { enabled: false, host: '127.0.0.1', port: 0 },
          broker: broker.config(broker.uniqueName('down'), url),
        },
        { logger: silent, processMetrics: false },
      );
      const failure = app.start();
      await expect(failure).rejects.toThrow(
        new RegExp(
          `^queue-url: cannot reach the message broker at ${scheme}://raceway:\\*\\*\\*@127\\.0\\.0\\.1:\\d+: `,
        ),
      );
      await expect(failure).rejects.not.toThrow(/s3cret/);
      await app.shutdown();
    });

    it('answers 200 once a batch is durable, 503 + Retry-After while the broker is unreachable, and loses nothing', async () => {
      const name = broker.uniqueName('ingest');
      names.push(name);
      const target = new URL(broker.url);
      proxy = new TcpProxy(target.hostname, Number(target.port || (kind === 'nats' ? 4222 : 5672)));
      const port = await proxy.listen();
      target.host = `127.0.0.1:${port}`;
      collector = await startTestCollector({
        broker: broker.config(name, target.toString()),
        queue: { retryAfterMs: 2_000 },
      });

      const health = (await (await fetch(`${collector.url}/health`)).json()) as {
        data: { queue: Record<string, unknown> };
      };
      expect(health.data.queue).toMatchObject({
        mode: kind,
        queue: name,
        acknowledges: 'durable in the broker, not yet queryable',
        publisher_connected: true,
        consumer_connected: true,
      });

      const before = realisticBatch({ events: 60 });
      expect((await postBatch(collector, before)).status).toBe(200);

      proxy.cut();
      const during = realisticBatch({ events: 40 });
      await vi.waitFor(
        async () => {
          const res = await postBatch(collector!, during);
          expect(res.status).toBe(503);
          expect(res.headers.get('retry-after')).toBe('2');
        },
        { timeout: 10_000, interval: 20 },
      );

      proxy.restore();
      // The sender retries the refused batch, as exporters and SDKs do on 503.
      await vi.waitFor(async () => expect((await postBatch(collector!, during)).status).toBe(200), {
        timeout: 15_000,
        interval: 50,
      });
      await vi.waitFor(async () => expect((await collector!.app.store.stats()).events).toBe(100), {
        timeout: 15_000,
        interval: 25,
      });
      // Queryable through the API like any other ingest, each event once.
      const sent = [...before, ...during];
      for (const traceId of new Set(sent.map((e) => e.trace_id))) {
        const res = await fetch(`${collector.url}/api/traces/${traceId}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { data: { events: Array<{ id: string }> } };
        expect(body.data.events.map((e) => e.id).sort()).toEqual(
          sent
            .filter((e) => e.trace_id === traceId)
            .map((e) => e.id)
            .sort(),
        );
      }
      const metrics = await (await fetch(`${collector.url}/metrics`)).text();
      expect(metrics).toMatch(/^raceway_broker_connected\{side="publish"\} 1$/m);
      expect(metrics).toMatch(/^raceway_broker_consumed_batches [1-9]/m);
    });

    it('buffers OTLP exports the same way', async () => {
      const name = broker.uniqueName('otlp');
      names.push(name);
      collector = await startTestCollector({ broker: broker.config(name) });
      const svc = new RecordingService({ 'service.name': 'checkout' });
      const root = svc.start('GET /cart', 0);
      svc.start('load cart', 1, { parent: root }).end(at(5));
      root.end(at(9));
      const res = await fetch(`${collector.otlpHttpUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: toJson(svc.spans()),
      });
      expect(res.status).toBe(200);
      await vi.waitFor(async () => expect((await collector!.app.store.stats()).events).toBe(2), {
        timeout: 10_000,
        interval: 25,
      });
    });
  });
}
