import { spawnSync } from 'node:child_process';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseClockHeader } from './clock-header.js';
import { httpHandler } from './middleware.js';
import type { WireEvent } from './native-event.js';
import { startRaceway, type RacewayBridge } from './start-raceway.js';
import { CaptureCollector } from './testing/capture-collector.js';

async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const kindOf = (e: WireEvent): string => Object.keys(e.kind)[0]!;

/** Events per logical thread, in arrival order (Map.groupBy needs Node 21). */
function byThread(events: WireEvent[]): Map<string, WireEvent[]> {
  const groups = new Map<string, WireEvent[]>();
  for (const e of events)
    groups.set(e.metadata.thread_id, [...(groups.get(e.metadata.thread_id) ?? []), e]);
  return groups;
}

describe('Raceway tracking API over the native transport', () => {
  let collector: CaptureCollector;
  let bridge: RacewayBridge;
  let warnings: string[];
  const servers: Server[] = [];

  beforeAll(async () => {
    collector = await new CaptureCollector().start();
    warnings = [];
    bridge = startRaceway({
      transport: 'native',
      collectorUrl: collector.url,
      apiKey: 'collector-key',
      serviceName: 'banking-api',
      instanceId: 'host-1',
      flushIntervalMs: 60_000,
      warn: (m) => warnings.push(m),
    });
  });
  afterAll(async () => {
    await bridge.shutdown();
    for (const s of servers) s.close();
    await collector.stop();
  });
  beforeEach(async () => {
    await bridge.flush();
    collector.requests.length = 0;
  });

  async function serve(
    handler: (req: IncomingMessage, res: ServerResponse) => unknown,
  ): Promise<string> {
    const { server, url } = await listen(httpHandler(bridge.raceway, handler));
    servers.push(server);
    return url;
  }

  it('gives concurrent requests their own context and chains each one’s events by parent_id', async () => {
    const { raceway } = bridge;
    const url = await serve(async (_req, res) => {
      raceway.trackRead('alice.balance', 1000);
      await new Promise((r) => setTimeout(r, 5));
      raceway.trackWrite('alice.balance', 1000, 900);
      res.end('ok');
    });
    await Promise.all([fetch(url), fetch(url)]);
    await bridge.flush();
    const threads = byThread(collector.events);
    expect(threads.size).toBe(2);
    for (const events of threads.values()) {
      expect(events.map(kindOf)).toEqual([
        'HttpRequest',
        'StateChange',
        'StateChange',
        'HttpResponse',
      ]);
      expect(events[0]!.parent_id).toBeNull();
      for (let i = 1; i < events.length; i++) expect(events[i]!.parent_id).toBe(events[i - 1]!.id);
      expect(new Set(events.map((e) => e.trace_id)).size).toBe(1);
    }
    expect(new Set(collector.events.map((e) => e.trace_id)).size).toBe(2);
  });

  it('serialises values at the moment of the call', async () => {
    const account = { balance: 1000 };
    await bridge.raceway.runInContext('job', () => {
      bridge.raceway.trackRead('account', account);
      account.balance = 900;
    });
    await bridge.flush();
    const read = collector.events.find((e) => kindOf(e) === 'StateChange')!;
    expect((read.kind.StateChange as { new_value: unknown }).new_value).toEqual({ balance: 1000 });
  });

  it('propagates trace, span and clock to a downstream service, and never the API key', async () => {
    const { raceway } = bridge;
    let downstreamHeaders: Record<string, string | string[] | undefined> = {};
    const downstream = await serve((req, res) => {
      downstreamHeaders = req.headers;
      raceway.trackWrite('ledger', 0, 1);
      res.end('ok');
    });
    const upstream = await serve(async (_req, res) => {
      raceway.trackRead('alice.balance', 1000);
      await raceway.fetch(downstream);
      raceway.trackWrite('alice.balance', 1000, 900);
      res.end('ok');
    });
    await fetch(upstream);
    await bridge.flush();

    const clock = parseClockHeader(downstreamHeaders['raceway-clock'] as string)!;
    expect(downstreamHeaders.traceparent).toMatch(
      new RegExp(`^00-[0-9a-f]{32}-${clock.span_id}-01$`),
    );
    expect(downstreamHeaders.authorization).toBeUndefined();
    expect(downstreamHeaders['x-raceway-key']).toBeUndefined();
    expect(clock).toMatchObject({ service: 'banking-api', instance: 'host-1' });

    const [caller, callee] = [...byThread(collector.events).values()].sort(
      (a, b) =>
        (a[0]!.metadata.upstream_span_id ? 1 : 0) - (b[0]!.metadata.upstream_span_id ? 1 : 0),
    );
    expect(callee![0]!.trace_id).toBe(caller![0]!.trace_id);
    expect(callee![0]!.metadata.distributed_span_id).toBe(clock.span_id);
    expect(callee![0]!.metadata.upstream_span_id).toBe(caller![0]!.metadata.distributed_span_id);
    expect(clock.parent_span_id).toBe(caller![0]!.metadata.distributed_span_id);
    // The propagation bumped the caller's counter past its read: the callee knows the read came first.
    const readValue = caller!.find((e) => kindOf(e) === 'StateChange')!.causality_vector[0]![1];
    expect(clock.clock).toEqual([['banking-api#host-1', readValue + 1]]);
  });

  it('merges the clock a callee returns, so the caller’s later events follow the call', async () => {
    const { raceway } = bridge;
    const downstream = await serve((_req, res) => {
      raceway.trackWrite('ledger', 0, 1);
      res.end('ok');
    });
    let calleeClock: string | null = null;
    const upstream = await serve(async (_req, res) => {
      const response = await raceway.fetch(downstream);
      calleeClock = response.headers.get('raceway-clock');
      raceway.trackWrite('alice.balance', 1000, 900);
      res.end('ok');
    });
    await fetch(upstream);
    await bridge.flush();
    const returned = parseClockHeader(calleeClock ?? undefined)!;
    const write = collector.events.find(
      (e) =>
        kindOf(e) === 'StateChange' &&
        (e.kind.StateChange as { variable: string }).variable === 'alice.balance',
    )!;
    for (const [component, n] of returned.clock) {
      expect(new Map(write.causality_vector).get(component)).toBeGreaterThanOrEqual(n);
    }
  });

  it('records the release of withLock even when the function throws, and rethrows', async () => {
    const { raceway } = bridge;
    let held = false;
    const lock = { acquire: () => (held = true), release: () => (held = false) };
    await raceway.runInContext('job', async () => {
      await expect(
        raceway.withLock(lock, 'alice_lock', () => Promise.reject(new Error('boom'))),
      ).rejects.toThrow('boom');
      expect(await raceway.withLock(lock, 'alice_lock', () => 42)).toBe(42);
    });
    await bridge.flush();
    expect(held).toBe(false);
    expect(collector.events.map(kindOf).filter((k) => k.startsWith('Lock'))).toEqual([
      'LockAcquire',
      'LockRelease',
      'LockAcquire',
      'LockRelease',
    ]);
    expect(
      (
        collector.events.find((e) => kindOf(e) === 'LockAcquire')!.kind.LockAcquire as {
          lock_type: string;
        }
      ).lock_type,
    ).toBe('Mutex');
  });

  it('places trackFunction’s call before the events inside it, with its duration', async () => {
    const { raceway } = bridge;
    await raceway.runInContext('job', () =>
      raceway.trackFunction('transfer', { amount: 100 }, async () => {
        await new Promise((r) => setTimeout(r, 5));
        raceway.trackWrite('alice.balance', 1000, 900);
      }),
    );
    await bridge.flush();
    const call = collector.events.find(
      (e) =>
        kindOf(e) === 'FunctionCall' &&
        (e.kind.FunctionCall as { function_name: string }).function_name === 'transfer',
    )!;
    const write = collector.events.find((e) => kindOf(e) === 'StateChange')!;
    expect(write.parent_id).toBe(call.id);
    expect(call.metadata.duration_ns).toBeGreaterThanOrEqual(4_000_000);
    // Stamped when it returned, as the old SDKs do: the write lies inside [timestamp − duration, timestamp].
    const end = Date.parse(call.timestamp);
    expect(Date.parse(write.timestamp)).toBeLessThanOrEqual(end);
    expect(Date.parse(write.timestamp)).toBeGreaterThanOrEqual(
      end - call.metadata.duration_ns! / 1e6 - 1,
    );
  });

  it('runs child contexts in the same trace, spawned from the parent', async () => {
    const { raceway } = bridge;
    await raceway.runInContext('request', async () => {
      await Promise.all([
        raceway.runInContext('worker-1', () => raceway.trackWrite('counter', 0, 1)),
        raceway.runInContext('worker-2', () => raceway.trackWrite('counter', 0, 1)),
      ]);
    });
    await bridge.flush();
    expect(new Set(collector.events.map((e) => e.trace_id)).size).toBe(1);
    const spawns = collector.events.filter((e) => kindOf(e) === 'AsyncSpawn');
    expect(spawns).toHaveLength(2);
    const writes = collector.events.filter((e) => kindOf(e) === 'StateChange');
    expect(new Set(writes.map((w) => w.metadata.thread_id)).size).toBe(2);
    const ids = new Map(collector.events.map((e) => [e.id, e]));
    for (const w of writes) {
      // Walk up the parent chain: each worker descends from one of the parent's spawn events.
      let e: WireEvent | undefined = w;
      while (e && kindOf(e) !== 'AsyncSpawn') e = e.parent_id ? ids.get(e.parent_id) : undefined;
      expect(spawns).toContain(e);
    }
  });

  it('ignores tracking calls outside any context, with one warning', async () => {
    bridge.raceway.trackWrite('x', 0, 1);
    bridge.raceway.trackWrite('x', 1, 2);
    await bridge.flush();
    expect(collector.events).toEqual([]);
    expect(warnings.filter((w) => w.includes('outside a context'))).toHaveLength(1);
  });
});

describe('process lifetime', () => {
  it('never keeps the process alive: a script that starts tracking and returns exits by itself', () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { startRaceway } from ${JSON.stringify(entry)}; startRaceway({ transport: 'native', collectorUrl: 'http://127.0.0.1:9' });`,
      ],
      { timeout: 20_000, encoding: 'utf8' },
    );
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
  });
});
