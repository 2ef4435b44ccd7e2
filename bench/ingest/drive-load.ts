import { Agent, request } from 'node:http';
import type { BatchTemplate } from './batch-template.js';

export interface LoadOptions {
  /** Concurrent keep-alive connections, each with one request in flight. */
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Number of the first request (request numbers make event ids, so runs on one server must differ). */
  firstRequest?: number;
}

/** Called when the measured window opens and closes (e.g. to read the server's CPU time). */
export interface LoadHooks {
  measureStart?(): Promise<void>;
  measureEnd?(): Promise<void>;
}

export interface LoadResult {
  requests: number;
  /** Events in requests answered 200. */
  events: number;
  /** Requests answered anything but 200 (e.g. 429 when the queue is full). */
  refused: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Closed-loop load: each connection posts a fresh batch as soon as the previous answer arrived, for a
 * fixed time after a warm-up; latency is request start to last response byte.
 */
export async function driveLoad(
  url: string,
  template: BatchTemplate,
  options: LoadOptions,
  hooks: LoadHooks = {},
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  let n = options.firstRequest ?? 0;
  let measuring = false;
  let stopped = false;
  const latencies: number[] = [];
  let events = 0;
  let refused = 0;

  async function connection(): Promise<void> {
    while (!stopped) {
      const body = template.body(n++);
      const start = performance.now();
      const status = await post(agent, `${url}/events`, body);
      if (!measuring || stopped) continue;
      latencies.push(performance.now() - start);
      if (status === 200) events += template.events;
      else refused++;
    }
  }

  const loops = Array.from({ length: options.connections }, () => connection());
  await sleep(options.warmupMs);
  await hooks.measureStart?.();
  measuring = true;
  const begin = performance.now();
  await sleep(options.durationMs);
  stopped = true;
  const elapsed = (performance.now() - begin) / 1000;
  await hooks.measureEnd?.();
  await Promise.all(loops);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  return {
    requests: latencies.length,
    events,
    refused,
    eventsPerSecond: events / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

function post(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
