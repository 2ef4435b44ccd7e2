import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { ApiOptions } from '../../src/api/api-options.js';
import { createHttpApp, createOtlpHttpApp } from '../../src/api/http-app.js';
import type { CollectorStatus, HttpAppDeps } from '../../src/api/http-app-deps.js';
import type { Analyzer } from '../../src/engine/analyzer.js';
import { createAnalyzer } from '../../src/engine/create-analyzer.js';
import { CollectorMetrics } from '../../src/metrics/collector-metrics.js';
import type { EventSink } from '../../src/pipeline/event-sink.js';
import { LiveFeed } from '../../src/pipeline/live-feed.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { DEFAULT_PIPELINE_LIMITS } from '../../src/pipeline/pipeline-options.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

export interface HarnessOptions {
  api?: Partial<ApiOptions>;
  otlp?: HttpAppDeps['otlp'];
  status?: Partial<CollectorStatus>;
  analyzer?: Analyzer;
  /** Replaces the pipeline as the ingest sink (to provoke refusals deterministically). */
  sink?: EventSink;
  /** Serve the dedicated OTLP app instead of the API app. */
  otlpPort?: boolean;
}

export interface Harness {
  url: string;
  deps: HttpAppDeps;
  clock: ManualClock;
  pipeline: Pipeline;
  close(): Promise<void>;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  apiKeys: [],
  corsOrigins: [],
  rateLimit: { enabled: false, requestsPerMinute: 1000 },
  maxBodyBytes: 10 * 1024 * 1024,
  version: '0.1.0',
};

/**
 * The HTTP app over the real memory store, pipeline, engine, live feed and metrics, on 127.0.0.1 port 0, with
 * options a test can vary (keys, CORS, rate limit, body limit, heartbeat, dashboard folder).
 */
export async function startHttpApp(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new ManualClock();
  const logger = pino({ level: 'silent' });
  const store = new MemoryStore({ clock });
  const analyzer =
    options.analyzer ?? createAnalyzer({ skewToleranceMs: 50, anomalyMinSamples: 10 });
  const feed = new LiveFeed();
  const metrics = new CollectorMetrics({ processMetrics: false });
  const pipeline = new Pipeline({
    store,
    analyzer,
    feed,
    metrics,
    clock,
    logger,
    limits: DEFAULT_PIPELINE_LIMITS,
    retention: {},
    retentionIntervalMs: 0,
    retentionEveryBatch: false,
  });
  await store.start();
  await pipeline.start();
  const status: CollectorStatus = {
    ready: true,
    phase: 'completed',
    startedAtMs: clock.now(),
    replay: { total: 0, processed: 0 },
    ...options.status,
  };
  const deps: HttpAppDeps = {
    options: { ...DEFAULT_API_OPTIONS, ...options.api },
    store,
    analyzer,
    sink: options.sink ?? pipeline,
    feed,
    metrics,
    logger,
    clock,
    otlp: options.otlp,
    status: () => status,
    deleteTrace: (id) => pipeline.deleteTrace(id),
  };
  const app = options.otlpPort ? createOtlpHttpApp(deps) : createHttpApp(deps);
  const handle = app.callback();
  const server = createServer((req, res) => void handle(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    clock,
    pipeline,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await pipeline.shutdown();
      await store.shutdown();
    },
  };
}

/** POST a JSON value (or raw text/bytes) to `/events`. */
export function postEvents(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const payload =
    typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  return fetch(`${url}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: payload,
  });
}

/** A parsed JSON body: tests read arbitrary fields of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = any;

/** The body of a response as JSON. */
export async function json(res: Response): Promise<Json> {
  return res.json();
}

/** GET a path and return status and parsed JSON body. */
export async function getJson(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${url}${path}`, { headers });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? undefined : JSON.parse(text),
    headers: res.headers,
  };
}
