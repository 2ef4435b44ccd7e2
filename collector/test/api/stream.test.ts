import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realisticBatch } from '../../src/testing/realistic-batch.js';
import type { Harness } from './http-app-harness.js';
import { postEvents, startHttpApp } from './http-app-harness.js';
import type { SseConnection } from './sse-client.js';
import { openSse } from './sse-client.js';

describe('GET /api/stream', () => {
  let h: Harness;
  const open: SseConnection[] = [];
  const connect = async (path = '/api/stream', headers: Record<string, string> = {}) => {
    const c = await openSse(`${h.url}${path}`, headers);
    open.push(c);
    return c;
  };
  beforeEach(async () => {
    h = await startHttpApp({ api: { streamHeartbeatMs: 25 } });
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await h.close();
  });

  it('streams a trace event after a POST /events', async () => {
    const stream = await connect();
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toMatch(/no-cache/);
    const hello = await stream.next();
    expect(hello).toMatchObject({ retry: '3000', comments: ['connected'] });

    const events = realisticBatch({ events: 7 });
    await postEvents(h.url, { events });
    const frames = await stream.until((f) => f.event === 'trace');
    const trace = frames.at(-1)!;
    expect(Number(trace.id)).toBeGreaterThan(0);
    expect(JSON.parse(trace.data!)).toEqual({
      trace_id: events[0]!.trace_id,
      created: true,
      event_count: 7,
    });
  });

  it('sends heartbeat comments while nothing happens', async () => {
    const stream = await connect();
    const frames = await stream.until((f) => f.comments.includes('heartbeat'));
    expect(frames.every((f) => f.event === undefined)).toBe(true);
  });

  it.each([
    ['the Last-Event-ID header', (id: string) => ['/api/stream', { 'Last-Event-ID': id }] as const],
    ['?last_event_id=', (id: string) => [`/api/stream?last_event_id=${id}`, {}] as const],
  ])('replays what a client missed when it resumes with %s', async (_how, resume) => {
    const first = await connect();
    await postEvents(h.url, { events: realisticBatch({ events: 7 }) });
    const seen = (await first.until((f) => f.event === 'trace')).at(-1)!;
    first.close();

    const missed = realisticBatch({ events: 14 });
    await postEvents(h.url, { events: missed });
    const [path, headers] = resume(seen.id!);
    const again = await connect(path, headers);
    const replayed: string[] = [];
    while (replayed.length < 2) {
      const f = await again.next();
      if (f.event === 'trace')
        replayed.push((JSON.parse(f.data!) as { trace_id: string }).trace_id);
    }
    expect(replayed).toEqual([missed[0]!.trace_id, missed[7]!.trace_id]);
  });

  it('unsubscribes from the feed when the client goes away', async () => {
    const stream = await connect();
    await stream.next();
    expect(h.deps.feed.subscriberCount).toBe(1);
    stream.close();
    await vi.waitFor(() => expect(h.deps.feed.subscriberCount).toBe(0));
  });

  it('resumes a client whose missed messages exceed the send buffer, then ends the stream', async () => {
    // Long variable names make 1000 backlog messages weigh more than the 1 MiB a client may lag behind.
    const variable = 'v'.repeat(2000);
    for (let i = 0; i < 1000; i++)
      h.deps.feed.publish({
        traces: [],
        races: [{ trace_id: `t${i}`, variable, severity: 'WARNING', count: 1 }],
        globalRaces: [],
        anomalies: [],
      });
    const stream = await connect('/api/stream', { 'Last-Event-ID': '0' });
    expect(stream.status).toBe(200);
    const frames = await stream.until((f) => f.event === 'race');
    expect(JSON.parse(frames.at(-1)!.data!)).toMatchObject({ trace_id: 't0' });
    await vi.waitFor(() => expect(h.deps.feed.subscriberCount).toBe(0));
  });

  it('refuses a Last-Event-ID that is not a number', async () => {
    const res = await fetch(`${h.url}/api/stream`, { headers: { 'Last-Event-ID': 'abc' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false, data: null });
  });
});
