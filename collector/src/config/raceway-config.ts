/** Pino levels accepted by `log-level`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ListenerConfig {
  enabled: boolean;
  host: string;
  /** 0 = any free port. */
  port: number;
}

export const BROKER_KINDS = ['none', 'rabbitmq', 'nats'] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

export interface BrokerConfig {
  kind: BrokerKind;
  /** `amqp://user:pass@host:5672/vhost` (rabbitmq) or `nats://[user:pass@|token@]host:4222` (nats). */
  url: string | undefined;
  /** Durable queue the batches wait in (rabbitmq); the subject they are published on (nats). */
  name: string;
  /** Batches a replica analyses at once (unacknowledged deliveries). */
  prefetch: number;
  /** NATS stream that captures the subject; undefined = named after `name` ({@link natsStreamName}). */
  stream: string | undefined;
  /** NATS durable consumer the replicas share. */
  consumer: string;
  /** NATS: redelivery after this long without an acknowledgement (progress reports extend it). */
  ackWaitMs: number;
}

/** The stream a NATS subject waits in when `queue-stream` is not set: `raceway.events` → `raceway_events`. */
export function natsStreamName(broker: Pick<BrokerConfig, 'name' | 'stream'>): string {
  return broker.stream ?? broker.name.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The collector's effective configuration, after defaults < raceway.toml < RACEWAY_* env < flags. */
export interface RacewayConfig {
  host: string;
  port: number;
  otlpHttp: ListenerConfig;
  otlpGrpc: ListenerConfig;
  storage: 'memory' | 'postgres';
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  databasePoolSize: number;
  /** Empty = auth off. */
  apiKeys: string[];
  /** `['*']` = any origin, `[]` = no CORS. */
  corsOrigins: string[];
  /** Requests per minute per key (or client); 0 = no limit. */
  rateLimitRpm: number;
  maxBodyBytes: number;
  /** 0 = no limit, for each. */
  retention: { maxTraces: number; maxAgeMs: number; maxBytes: number };
  queue: { maxEvents: number; maxBatchEvents: number; retryAfterMs: number };
  skewToleranceMs: number;
  anomalyMinSamples: number;
  /** This replica's name in the shared store's `origin` column; undefined = `<hostname>-<pid>`. */
  replicaId: string | undefined;
  /** How often a Postgres-backed replica reads what the other replicas stored; 0 = never. */
  followIntervalMs: number;
  /** Optional broker between ingest and analysis: ingest answers once a batch is durable there. */
  broker: BrokerConfig;
  logLevel: LogLevel;
  /** Built dashboard; undefined = none served. */
  uiDir: string | undefined;
}

const MiB = 1024 * 1024;

export function defaultConfig(): RacewayConfig {
  return {
    host: '127.0.0.1',
    port: 8080,
    otlpHttp: { enabled: true, host: '127.0.0.1', port: 4318 },
    otlpGrpc: { enabled: true, host: '127.0.0.1', port: 4317 },
    storage: 'memory',
    databaseUrl: undefined,
    databaseReadUrl: undefined,
    databasePoolSize: 10,
    apiKeys: [],
    // Same-origin only by default: with auth off, `*` would let any web page the user opens read the
    // local collector's traces (the old server's default; spec §3.2).
    corsOrigins: [],
    rateLimitRpm: 0,
    maxBodyBytes: 16 * MiB,
    retention: { maxTraces: 100_000, maxAgeMs: 0, maxBytes: 256 * MiB },
    queue: { maxEvents: 200_000, maxBatchEvents: 5_000, retryAfterMs: 1_000 },
    skewToleranceMs: 50,
    anomalyMinSamples: 20,
    replicaId: undefined,
    followIntervalMs: 1_000,
    broker: {
      kind: 'none',
      url: undefined,
      name: 'raceway.events',
      prefetch: 4,
      stream: undefined,
      consumer: 'raceway',
      ackWaitMs: 30_000,
    },
    logLevel: 'info',
    uiDir: undefined,
  };
}
