import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config/raceway-config.js';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import { startTestCollector, type TestCollector } from '../../src/testing/start-test-collector.js';
import { postBatch } from '../../src/testing/post-batch.js';
import { RecordingService, at, toJson } from '../otlp/support/recorded-spans.js';
import { TcpProxy } from './tcp-proxy.js';
import {
  TEST_BROKER_URL,
  brokerUnreachable,
  deleteQueues,
  silent,
  uniqueQueue,
} from './rabbitmq-test-broker.js';

const unreachable = await brokerUnreachable();

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(unreachable !== undefined)('raceway serve --queue rabbitmq', () => {
  const queues: string[] = [];
  let collector: TestCollector | undefined;
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    await collector?.close();
    await proxy?.close();
    collector = undefined;
    proxy = undefined;
  });
  afterAll(() => deleteQueues(queues));

  it('refuses to start with a clear error, never showing the password, when the broker is down', async () => {
    const url = `amqp://raceway:s3cret@127.0.0.1:${await closedPort()}`;
    const app = createApp(
      {
        ...defaultConfig(),
        port: 0,
        otlpHttp: { enabled: false, host: '127.0.0.1', port: 0 },
        otlpGrpc: { enabled: false, host: '127.0.0.1', port: 0 },
        broker: { kind: 'rabbitmq', url, name: uniqueQueue('down'), prefetch: 2 },
      },
      { logger: silent, processMetrics: false },
    );
    const failure = app.start();
    await expect(failure).rejects.toThrow(
      /^queue-url: cannot reach the message broker at amqp:\/\/raceway:\*\*\*@127\.0\.0\.1:\d+: /,
    );
    await expect(failure).rejects.not.toThrow(/s3cret/);
    await app.shutdown();
  });

  it('answers 200 once a batch is durable, 503 + Retry-After while the broker is unreachable, and loses nothing', async () => {
    const queue = uniqueQueue('ingest');
    queues.push(queue);
    const target = new URL(TEST_BROKER_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5672));
    const port = await proxy.listen();
    target.host = `127.0.0.1:${port}`;
    collector = await startTestCollector({
      broker: { kind: 'rabbitmq', url: target.toString(), name: queue, prefetch: 2 },
      queue: { retryAfterMs: 2_000 },
    });

    const health = (await (await fetch(`${collector.url}/health`)).json()) as {
      data: { queue: Record<string, unknown> };
    };
    expect(health.data.queue).toMatchObject({
      mode: 'rabbitmq',
      queue,
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
      timeout: 10_000,
      interval: 50,
    });
    await vi.waitFor(async () => expect((await collector!.app.store.stats()).events).toBe(100), {
      timeout: 10_000,
      interval: 25,
    });
    const metrics = await (await fetch(`${collector.url}/metrics`)).text();
    expect(metrics).toMatch(/^raceway_broker_connected\{side="publish"\} 1$/m);
    expect(metrics).toMatch(/^raceway_broker_consumed_batches [1-9]/m);
  });

  it('buffers OTLP exports the same way', async () => {
    const queue = uniqueQueue('otlp');
    queues.push(queue);
    collector = await startTestCollector({
      broker: { kind: 'rabbitmq', url: TEST_BROKER_URL, name: queue, prefetch: 2 },
    });
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
