import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../cli/commands/api-client.js';
import type { LiveMessage, LiveState } from './live-stream.js';
import { LiveStream } from './live-stream.js';

function sse(text: string, status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (text) controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'text/event-stream' } });
}

/** Runs a stream over scripted responses until it asked for all of them (then it is stopped). */
async function follow(responses: Array<() => Response>, apiKey?: string) {
  const requests: Array<Record<string, string>> = [];
  const messages: LiveMessage[] = [];
  const states: LiveState[] = [];
  let stream: LiveStream | undefined;
  await new Promise<void>((done) => {
    const fetchFn = (
      _url: unknown,
      init?: { headers?: Record<string, string> },
    ): Promise<Response> => {
      requests.push(init?.headers ?? {});
      const next = responses[requests.length - 1];
      if (!next) {
        stream?.stop();
        done();
        return Promise.reject(new Error('stopped'));
      }
      return Promise.resolve(next());
    };
    stream = new LiveStream({
      client: new ApiClient({ server: 'http://collector:8080', apiKey }),
      fetch: fetchFn as typeof fetch,
      backoff: () => 0,
      onMessage: (m) => messages.push(m),
      onState: (s) => states.push(s),
    });
    stream.start();
  });
  return { requests, messages, states };
}

describe('live stream', () => {
  it('delivers typed messages with their JSON data and skips unknown event types', async () => {
    const { messages } = await follow([
      () => sse('id: 1\nevent: trace\ndata: {"trace_id":"t1"}\n\nid: 2\nevent: other\ndata: x\n\n'),
    ]);
    expect(messages).toEqual([{ type: 'trace', data: { trace_id: 't1' } }]);
  });

  it('resumes with Last-Event-ID after the connection drops, and sends the API key', async () => {
    const { requests } = await follow(
      [
        () => sse('id: 41\nevent: race\ndata: {}\n\nid: 42\nevent: trace\ndata: {}\n\n'),
        () => sse(''),
      ],
      'k3y',
    );
    expect(requests[0]?.['last-event-id']).toBeUndefined();
    expect(requests[1]?.['last-event-id']).toBe('42');
    expect(requests[1]?.authorization).toBe('Bearer k3y');
  });

  it('reports connecting, live, reconnecting with the attempt, and live again as a reconnect', async () => {
    const { states } = await follow([
      () => sse(''),
      () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      },
      () => sse(''),
    ]);
    expect(states.slice(0, 5)).toEqual([
      { kind: 'connecting' },
      { kind: 'live', reconnected: false },
      { kind: 'reconnecting', attempt: 1, retryInMs: 0, reason: 'the server closed the stream' },
      { kind: 'reconnecting', attempt: 2, retryInMs: 0, reason: 'connect ECONNREFUSED' },
      { kind: 'live', reconnected: true },
    ]);
  });

  it('reports unauthorized on a 401', async () => {
    const { states } = await follow([() => sse('{"success":false}', 401)]);
    expect(states).toContainEqual({ kind: 'unauthorized', retryInMs: 0 });
  });
});
