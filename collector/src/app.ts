import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type Koa from 'koa';
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { ApiOptions } from './api/api-options.js';
import { createHttpApp, createOtlpHttpApp } from './api/http-app.js';
import type { CollectorStatus, HttpAppDeps } from './api/http-app-deps.js';
import { FollowerMetrics } from './cluster/follower-metrics.js';
import { replicaId } from './cluster/replica-id.js';
import { StoreFollower } from './cluster/store-follower.js';
import type { RacewayConfig } from './config/raceway-config.js';
import type { Analyzer } from './engine/analyzer.js';
import { createAnalyzer } from './engine/create-analyzer.js';
import { createOtlpHttpHandler } from './ingest/otlp/create-otlp-http-handler.js';
import { startOtlpGrpcServer } from './ingest/otlp/grpc/otlp-grpc-server.js';
import type { OtlpGrpcServer } from './ingest/otlp/grpc/otlp-grpc-server.js';
import { CollectorMetrics } from './metrics/collector-metrics.js';
import { systemClock } from './model/clock.js';
import type { Clock } from './model/clock.js';
import { LiveFeed } from './pipeline/live-feed.js';
import { BrokerBuffer } from './pipeline/broker/broker-buffer.js';
import { Pipeline } from './pipeline/pipeline.js';
import { TraceCountingAnalyzer } from './pipeline/trace-counting-analyzer.js';
import { MemoryStore } from './store/memory/memory-store.js';
import { createPostgresStore } from './store/postgres/postgres-store.js';
import type { RetentionPolicy, Store } from './store/store.js';

/** Where the started collector listens; OTLP URLs are absent when that listener is off. */
export interface AppUrls {
  apiUrl: string;
  otlpHttpUrl?: string;
  otlpGrpcUrl?: string;
}

/** Parts a caller may supply instead of the defaults (tests, embedding). */
export interface AppParts {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
  /** Replaces the engine (benchmarks isolate the ingest path with a `TraceCountingAnalyzer`). */
  analyzer?: Analyzer;
  /** Node process metrics in `/metrics` (off in tests: several apps share one process). */
  processMetrics?: boolean;
}

export interface App {
  readonly config: RacewayConfig;
  readonly logger: Logger;
  readonly store: Store;
  readonly analyzer: Analyzer;
  readonly pipeline: Pipeline;
  readonly feed: LiveFeed;
  readonly metrics: CollectorMetrics;
  /** This replica's name: the configured one or `<hostname>-<pid>`. */
  readonly replicaId: string;
  /** The folder the dashboard is served from: the configured ui-dir, else the built `ui/dist`, if any. */
  readonly uiDir: string | undefined;
  /** Starts the store and the listeners; resolves once they accept connections. */
  start(): Promise<AppUrls>;
  /** Resolves when the boot replay of stored events into the engine has finished. */
  ready(): Promise<void>;
  status(): CollectorStatus;
  /** Stops listening, finishes every accepted event, closes the store. Idempotent. */
  shutdown(): Promise<void>;
}

/** The one composition root (STYLE.md): builds every stage and injects its `next`, logger and clock. */
export function createApp(config: RacewayConfig, parts: AppParts = {}): App {
  const clock = parts.clock ?? systemClock;
  const logger = parts.logger ?? pino({ name: 'raceway', level: config.logLevel });
  const metrics = new CollectorMetrics({ processMetrics: parts.processMetrics ?? true });
  const replica = replicaId(config.replicaId);
  const store = parts.store ?? buildStore(config, clock, replica);
  const analyzer = parts.analyzer ?? buildAnalyzer(config, logger);
  const feed = new LiveFeed();
  const pipeline = new Pipeline({
    store,
    analyzer,
    feed,
    metrics,
    clock,
    logger,
    limits: {
      maxQueuedEvents: config.queue.maxEvents,
      maxBatchEvents: config.queue.maxBatchEvents,
      retryAfterMs: config.queue.retryAfterMs,
    },
    retention: retentionPolicy(config),
    retentionIntervalMs: 5_000,
    retentionEveryBatch: store.kind === 'memory',
  });
  // Replicas on one Postgres: analyse what the others store too (DESIGN.md "Scale-out").
  const follower =
    store.follow !== undefined && config.followIntervalMs > 0
      ? new StoreFollower({
          store: { follow: store.follow.bind(store) },
          analyzer,
          feed,
          clock,
          logger,
          metrics: new FollowerMetrics(metrics.registry),
          replicaId: replica,
          intervalMs: config.followIntervalMs,
        })
      : undefined;
  const status: CollectorStatus = {
    ready: false,
    phase: 'idle',
    startedAtMs: clock.now(),
    replay: { total: 0, processed: 0 },
  };
  // Queue mode: receivers publish to the broker; its consumer feeds the pipeline at its own pace.
  const broker = buildBroker(config, pipeline, logger, metrics);
  const ingest = broker ?? pipeline;
  const otlpDeps = { sink: ingest.sinkFor('otlp'), metrics, logger };
  const deps: HttpAppDeps = {
    options: apiOptions(config),
    store,
    analyzer,
    sink: ingest.sinkFor('native'),
    feed,
    metrics,
    logger,
    clock,
    otlp: createOtlpHttpHandler(otlpDeps),
    status: () => ({
      ...status,
      replay: { ...status.replay },
      cluster: follower?.status(),
      queue: broker?.status(),
    }),
    deleteTrace: (traceId) => pipeline.deleteTrace(traceId),
  };

  const servers: Server[] = [];
  let grpc: OtlpGrpcServer | undefined;
  let replayed: Promise<void> = Promise.resolve();
  let stopping: Promise<void> | undefined;
  /** Cuts the wait before the next replay attempt short (on shutdown). */
  let wakeReplay: (() => void) | undefined;

  async function replay(upToSeq: number): Promise<void> {
    status.phase = 'replaying';
    status.completedAtMs = undefined;
    status.replay.processed = 0;
    status.replay.total = (await store.stats()).events;
    if (follower !== undefined && store.followHorizon !== undefined) {
      // Replay everything committed, then follow from a horizon taken before the replay: the overlap is
      // ignored by the engine (ids it has), nothing between is skipped, and an old open transaction
      // elsewhere on the server cannot hold the boot back.
      const horizon = await store.followHorizon();
      await store.replay((events) => {
        analyzer.ingest(events);
        status.replay.processed += events.length;
      });
      follower.resumeAt(horizon);
      await follower.catchUp();
      follower.start();
    } else {
      // Events stored after boot (seq > upToSeq) reach the engine through the pipeline, never twice.
      await store.replay((events) => {
        const old = events.filter((e) => e.seq <= upToSeq);
        if (old.length > 0) analyzer.ingest(old);
        status.replay.processed += events.length;
      });
    }
    status.phase = 'completed';
    status.completedAtMs = clock.now();
    status.ready = true;
    pipeline.startRetention();
    logger.info({ events: status.replay.processed }, 'engine state rebuilt from the store');
  }

  /**
   * A replay that fails (the database dropped the connection) is retried with backoff until it succeeds
   * or the collector stops: otherwise `/readyz` stayed 503, retention and the follower never started.
   * Events the engine already has are skipped, so a retry may start over.
   */
  async function replayUntilDone(upToSeq: number): Promise<void> {
    for (let delayMs = 1_000; ; delayMs = Math.min(delayMs * 2, 30_000)) {
      try {
        await replay(upToSeq);
        return;
      } catch (err) {
        status.phase = 'failed';
        status.lastError = err instanceof Error ? err.message : String(err);
        logger.error({ err, retryInMs: delayMs }, 'replay of stored events failed');
      }
      if (stopping !== undefined) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        wakeReplay = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeReplay = undefined;
      if (stopping !== undefined) return;
    }
  }

  return {
    config,
    logger,
    store,
    analyzer,
    pipeline,
    feed,
    metrics,
    replicaId: replica,
    uiDir: deps.options.uiDir,
    status: () => deps.status(),
    ready: () => replayed,
    async start() {
      await store.start();
      await pipeline.start();
      await broker?.start();
      const upToSeq = await store.maxSeq();
      replayed = replayUntilDone(upToSeq);
      const urls: AppUrls = { apiUrl: await listen(createHttpApp(deps), config.host, config.port) };
      if (config.otlpHttp.enabled)
        urls.otlpHttpUrl = await listen(
          createOtlpHttpApp(deps),
          config.otlpHttp.host,
          config.otlpHttp.port,
        );
      if (config.otlpGrpc.enabled) {
        try {
          grpc = await startOtlpGrpcServer({
            ...otlpDeps,
            host: config.otlpGrpc.host,
            port: config.otlpGrpc.port,
            maxMessageBytes: config.maxBodyBytes,
            apiKeys: config.apiKeys,
          });
          urls.otlpGrpcUrl = `http://${hostForUrl(config.otlpGrpc.host)}:${grpc.port}`;
        } catch (err) {
          // The other listeners keep working; the banner and the log say the gRPC one is missing.
          logger.error({ err }, 'OTLP/gRPC receiver did not start');
        }
      }
      return urls;
    },
    shutdown() {
      stopping ??= (async () => {
        for (const server of servers) {
          server.close();
          server.closeIdleConnections();
        }
        await broker?.shutdown();
        await pipeline.shutdown();
        for (const server of servers) server.closeAllConnections();
        await grpc?.shutdown();
        wakeReplay?.();
        await replayed;
        await follower?.shutdown();
        await store.shutdown();
      })();
      return stopping;
    },
  };

  function listen(app: Koa, host: string, port: number): Promise<string> {
    const handle = app.callback();
    const server = createServer((req, res) => void handle(req, res));
    // Old SDKs and exporters keep connections open between batches.
    server.keepAliveTimeout = 65_000;
    servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const bound = (server.address() as AddressInfo).port;
        resolve(`http://${hostForUrl(host)}:${bound}`);
      });
    });
  }
}

function buildStore(config: RacewayConfig, clock: Clock, replica: string): Store {
  if (config.storage === 'memory') return new MemoryStore({ clock });
  return createPostgresStore({
    url: config.databaseUrl ?? '',
    readUrl: config.databaseReadUrl,
    poolSize: config.databasePoolSize,
    clock,
    replicaId: replica,
  });
}

function buildBroker(
  config: RacewayConfig,
  pipeline: Pipeline,
  logger: Logger,
  metrics: CollectorMetrics,
): BrokerBuffer | undefined {
  const { broker } = config;
  if (broker.kind === 'none' || broker.url === undefined) return undefined;
  return new BrokerBuffer({
    config: { ...broker, kind: broker.kind, url: broker.url },
    pipeline,
    logger,
    retryAfterMs: config.queue.retryAfterMs,
    maxMessageEvents: config.queue.maxBatchEvents,
    registry: metrics.registry,
  });
}

/** The engine, or the trace-counting stand-in while the engine cannot be built. */
function buildAnalyzer(config: RacewayConfig, logger: Logger): Analyzer {
  try {
    return createAnalyzer({
      skewToleranceMs: config.skewToleranceMs,
      anomalyMinSamples: config.anomalyMinSamples,
    });
  } catch (err) {
    logger.warn({ err }, 'analysis engine unavailable; analyses will be empty');
    return new TraceCountingAnalyzer();
  }
}

function retentionPolicy(config: RacewayConfig): RetentionPolicy {
  const { maxTraces, maxAgeMs, maxBytes } = config.retention;
  const policy: RetentionPolicy = {};
  if (maxTraces > 0) policy.maxTraces = maxTraces;
  if (maxAgeMs > 0) policy.maxAgeMs = maxAgeMs;
  if (maxBytes > 0) policy.maxBytes = maxBytes;
  return policy;
}

function apiOptions(config: RacewayConfig): ApiOptions {
  return {
    apiKeys: config.apiKeys,
    corsOrigins: config.corsOrigins,
    rateLimit: { enabled: config.rateLimitRpm > 0, requestsPerMinute: config.rateLimitRpm || 1000 },
    maxBodyBytes: config.maxBodyBytes,
    uiDir: config.uiDir ?? builtDashboard(),
    version: collectorVersion(),
  };
}

/** `ui/dist` of this repository when it has been built (`npm start` builds it). */
function builtDashboard(): string | undefined {
  const dir = fileURLToPath(new URL('../../ui/dist', import.meta.url));
  return existsSync(`${dir}/index.html`) ? dir : undefined;
}

function collectorVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** `0.0.0.0`/`::` are bind-all addresses; clients reach them on loopback. IPv6 literals need brackets. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
