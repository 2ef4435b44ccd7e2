import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireEvent } from './native-event.js';
import { NativeTransport } from './native-transport.js';
import { CaptureCollector, eventually } from './testing/capture-collector.js';

function event(n: number): WireEvent {
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` } as WireEvent;
}

describe('NativeTransport', () => {
  let collector: CaptureCollector;
  let warnings: string[];
  let transport: NativeTransport | undefined;
  const make = (
    overrides: Partial<ConstructorParameters<typeof NativeTransport>[0]> = {},
  ): NativeTransport =>
    (transport = new NativeTransport({
      url: collector.url,
      maxBuffer: 1000,
      batchSize: 10,
      flushIntervalMs: 20,
      warn: (m) => warnings.push(m),
      ...overrides,
    }));

  beforeEach(async () => {
    collector = await new CaptureCollector().start();
    warnings = [];
  });
  afterEach(async () => {
    await transport?.shutdown(100);
    await collector.stop();
  });

  it('posts batches of at most batchSize to /events as {"events":[...]}', async () => {
    const t = make();
    for (let i = 0; i < 25; i++) t.enqueue(event(i));
    await eventually(() => collector.events.length === 25);
    expect(collector.requests.every((r) => r.events.length <= 10)).toBe(true);
    expect(collector.events.map((e) => e.id)).toEqual(
      Array.from({ length: 25 }, (_, i) => event(i).id),
    );
  });

  it('sends the API key to the collector as a Bearer token and marks its own requests internal', async () => {
    const t = make({ apiKey: 's3cret' });
    t.enqueue(event(1));
    await t.flush();
    expect(collector.requests[0]?.headers.authorization).toBe('Bearer s3cret');
    expect(collector.requests[0]?.headers['x-raceway-internal']).toBe('true');
  });

  it('keeps a batch refused with 503 and resends it after Retry-After, in order', async () => {
    collector.failNext(1, 503, 1);
    const t = make({ flushIntervalMs: 50 });
    t.enqueue(event(1));
    t.enqueue(event(2));
    await t.flush();
    expect(collector.events).toEqual([]);
    expect(t.buffered).toBe(2);
    await eventually(() => collector.events.length === 2, 400);
    expect(collector.events.map((e) => e.id)).toEqual([event(1).id, event(2).id]);
  });

  it('drops the oldest events when the buffer is full, counts them and warns once', async () => {
    collector.failNext(100, 503, 60);
    const t = make({ maxBuffer: 5, batchSize: 100 });
    for (let i = 0; i < 12; i++) t.enqueue(event(i));
    await t.flush();
    expect(t.buffered).toBe(5);
    expect(t.dropped).toBe(7);
    expect(warnings).toHaveLength(1);
  });

  it('keeps to the shutdown deadline when the collector takes the request and never answers', async () => {
    const silent = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const t = make({ url: `http://127.0.0.1:${port}`, flushIntervalMs: 60_000 });
      t.enqueue(event(1));
      const started = Date.now();
      await t.shutdown(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(t.buffered).toBe(1);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('keeps the process alive while shutdown waits to resend, so nothing is lost at exit', async () => {
    // The first batch is refused (503): shutdown must wait out the backoff and resend, even when
    // nothing else keeps the process alive (the flush timer deliberately does not).
    let requests = 0;
    let received = 0;
    const flaky = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (requests++ === 0) return void res.writeHead(503).end();
        received += (JSON.parse(Buffer.concat(chunks).toString()) as { events: unknown[] }).events
          .length;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
      const script = fileURLToPath(new URL('./testing/shutdown-only-process.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', script, url], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect({ code, sent: stdout.trim(), requests, received }).toEqual({
        code: 0,
        sent: '3',
        requests: 2,
        received: 3,
      });
    } finally {
      flaky.close();
    }
  });

  it('flushes what is left on shutdown', async () => {
    const t = make({ flushIntervalMs: 60_000, batchSize: 1000 });
    for (let i = 0; i < 3; i++) t.enqueue(event(i));
    await t.shutdown();
    expect(collector.events).toHaveLength(3);
  });
});
