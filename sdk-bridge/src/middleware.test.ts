import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SpanEventRecorder } from './event-recorder.js';
import { httpHandler } from './middleware.js';
import { Raceway } from './raceway.js';

describe('runRequest in OTLP mode without HTTP instrumentation', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const manager = new AsyncLocalStorageContextManager();

  beforeAll(() => {
    context.setGlobalContextManager(manager.enable());
    trace.setGlobalTracerProvider(provider);
  });
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  it('ends (and so exports) the request span when the client goes away before the answer', async () => {
    const raceway = new Raceway(
      { serviceName: 'api', instanceId: 'i1' },
      new SpanEventRecorder(),
      () => undefined,
    );
    let arrived!: () => void;
    const inHandler = new Promise<void>((resolve) => (arrived = resolve));
    const server = createServer(
      httpHandler(raceway, () => {
        raceway.trackWrite('alice.balance', 100, 50);
        arrived();
        // Never answers: the client gives up first (a timeout under load).
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const req = request({ host: '127.0.0.1', port, path: '/transfer' });
      req.on('error', () => undefined);
      req.end();
      await inHandler;
      req.destroy();
      await vi.waitFor(() => expect(exporter.getFinishedSpans()).toHaveLength(1));
      const [span] = exporter.getFinishedSpans();
      expect(span!.events.map((e) => e.name)).toContain('raceway.state_change');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
