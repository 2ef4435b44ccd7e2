import { Agent, request } from 'node:http';
import type { OtlpEncoding, OtlpTemplate } from './otlp-template.js';

export interface DriveOptions {
  /** Concurrent keep-alive connections, each with one export in flight. */
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface DriveResult {
  requests: number;
  /** Spans in exports answered 200. */
  spans: number;
  /** Exports answered anything but 200 (429/503 under backpressure). */
  refused: number;
  spansPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Closed-loop load: each connection posts a fresh export to `/v1/traces` as soon as the previous answered. */
export async function driveExports(
  url: string,
  template: OtlpTemplate,
  encoding: OtlpEncoding,
  options: DriveOptions,
): Promise<DriveResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const contentType = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
  let seq = 0;
  let measuring = false;
  let stopped = false;
  let spans = 0;
  let refused = 0;
  const latencies: number[] = [];

  const connection = async (): Promise<void> => {
    while (!stopped) {
      const body = template.body(encoding, seq++);
      const start = performance.now();
      const status = await post(agent, `${url}/v1/traces`, contentType, body);
      if (!measuring || stopped) continue;
      latencies.push(performance.now() - start);
      if (status === 200) spans += template.spans;
      else refused++;
    }
  };

  const running = Array.from({ length: options.connections }, connection);
  await sleep(options.warmupMs);
  measuring = true;
  const t0 = performance.now();
  await sleep(options.durationMs);
  stopped = true;
  const elapsed = (performance.now() - t0) / 1000;
  await Promise.all(running);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    spans,
    refused,
    spansPerSecond: spans / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

function post(agent: Agent, url: string, contentType: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': contentType, 'content-length': body.length },
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
