import {
  parseBoolean,
  parseBytes,
  parseChoice,
  parseDuration,
  parseInteger,
  parseList,
  parseText,
} from './config-values.js';
import type { Parsed } from './config-values.js';
import { BROKER_KINDS, LOG_LEVELS } from './raceway-config.js';
import type { RacewayConfig } from './raceway-config.js';

/**
 * One configuration key, settable from every source: `--flag`, `RACEWAY_*` env, and a raceway.toml path.
 * The TOML paths of the old server (spec §4.15) are accepted too, so an existing raceway.toml works.
 */
export interface Setting {
  /** Canonical name = the CLI flag without dashes, e.g. `max-body`. */
  key: string;
  /** Placeholder in `--help` (`<port>`); absent for on/off flags. */
  value?: string;
  help: string;
  /** TOML paths; the first is the documented one, the others old names. */
  toml: readonly string[];
  repeatable?: boolean;
  /** Masked when the configuration is printed. */
  secret?: boolean;
  /** Parses `raw` into `config`; returns what was expected when it cannot. */
  apply(config: RacewayConfig, raw: unknown): string | undefined;
}

export function envName(key: string): string {
  return `RACEWAY_${key.toUpperCase().replace(/-/g, '_')}`;
}

function setter<T>(
  parse: (raw: unknown) => Parsed<T>,
  set: (config: RacewayConfig, value: T) => void,
): Setting['apply'] {
  return (config, raw) => {
    const parsed = parse(raw);
    if (!parsed.ok) return parsed.expected;
    set(config, parsed.value);
    return undefined;
  };
}

const port = (raw: unknown) => parseInteger(raw, 0, 65_535);
const positive = (raw: unknown) => parseInteger(raw, 1, 1_000_000_000);
const nonNegative = (raw: unknown) => parseInteger(raw, 0, Number.MAX_SAFE_INTEGER);

export const SETTINGS: readonly Setting[] = [
  {
    key: 'host',
    value: '<address>',
    help: 'address the API listens on (0.0.0.0 to expose it)',
    toml: ['server.host'],
    apply: setter(parseText, (c, v) => (c.host = v)),
  },
  {
    key: 'port',
    value: '<port>',
    help: 'API port: /events, /api/*, the dashboard (0 = any free port)',
    toml: ['server.port'],
    apply: setter(port, (c, v) => (c.port = v)),
  },
  {
    key: 'otlp-http',
    help: 'serve OTLP/HTTP on its own port (--no-otlp-http to disable)',
    toml: ['otlp.http_enabled'],
    apply: setter(parseBoolean, (c, v) => (c.otlpHttp.enabled = v)),
  },
  {
    key: 'otlp-http-host',
    value: '<address>',
    help: 'OTLP/HTTP listen address',
    toml: ['otlp.http_host'],
    apply: setter(parseText, (c, v) => (c.otlpHttp.host = v)),
  },
  {
    key: 'otlp-http-port',
    value: '<port>',
    help: 'OTLP/HTTP port',
    toml: ['otlp.http_port'],
    apply: setter(port, (c, v) => (c.otlpHttp.port = v)),
  },
  {
    key: 'otlp-grpc',
    help: 'serve OTLP/gRPC (--no-otlp-grpc to disable)',
    toml: ['otlp.grpc_enabled'],
    apply: setter(parseBoolean, (c, v) => (c.otlpGrpc.enabled = v)),
  },
  {
    key: 'otlp-grpc-host',
    value: '<address>',
    help: 'OTLP/gRPC listen address',
    toml: ['otlp.grpc_host'],
    apply: setter(parseText, (c, v) => (c.otlpGrpc.host = v)),
  },
  {
    key: 'otlp-grpc-port',
    value: '<port>',
    help: 'OTLP/gRPC port',
    toml: ['otlp.grpc_port'],
    apply: setter(port, (c, v) => (c.otlpGrpc.port = v)),
  },
  {
    key: 'storage',
    value: '<backend>',
    help: 'where events live: memory or postgres',
    toml: ['storage.backend'],
    apply: setter(
      (raw) => parseChoice(raw === 'supabase' ? 'postgres' : raw, ['memory', 'postgres'] as const),
      (c, v) => (c.storage = v),
    ),
  },
  {
    key: 'database-url',
    value: '<url>',
    help: 'Postgres connection string (with --storage postgres)',
    toml: ['storage.database_url', 'storage.postgres.connection_string'],
    secret: true,
    apply: setter(parseText, (c, v) => (c.databaseUrl = v)),
  },
  {
    key: 'database-read-url',
    value: '<url>',
    help: 'optional Postgres read replica for queries',
    toml: ['storage.database_read_url'],
    secret: true,
    apply: setter(parseText, (c, v) => (c.databaseReadUrl = v)),
  },
  {
    key: 'database-pool-size',
    value: '<n>',
    help: 'Postgres connections',
    toml: ['storage.pool_size', 'storage.postgres.max_connections'],
    apply: setter(positive, (c, v) => (c.databasePoolSize = v)),
  },
  {
    key: 'api-key',
    value: '<key>',
    help: 'require this API key on every data route (repeatable; none = auth off)',
    toml: ['server.api_keys'],
    repeatable: true,
    secret: true,
    apply: setter(parseList, (c, v) => (c.apiKeys = v)),
  },
  {
    key: 'cors-origin',
    value: '<origin>',
    help: 'allowed browser origin (repeatable; * = any; default none: the dashboard is same-origin)',
    toml: ['server.cors_origins'],
    repeatable: true,
    apply: setter(parseList, (c, v) => (c.corsOrigins = v)),
  },
  {
    key: 'rate-limit',
    value: '<rpm>',
    help: 'requests per minute per API key or client (0 = no limit)',
    toml: ['server.rate_limit_rpm'],
    apply: setter(nonNegative, (c, v) => (c.rateLimitRpm = v)),
  },
  {
    key: 'max-body',
    value: '<size>',
    help: 'largest request body after decompression, e.g. 16MiB',
    toml: ['server.max_body'],
    apply: setter(parseBytes, (c, v) => (c.maxBodyBytes = v)),
  },
  {
    key: 'retention-max-traces',
    value: '<n>',
    help: 'keep at most this many traces, least recently active evicted first (0 = no limit)',
    toml: ['retention.max_traces'],
    apply: setter(nonNegative, (c, v) => (c.retention.maxTraces = v)),
  },
  {
    key: 'retention-max-age',
    value: '<duration>',
    help: 'evict traces idle for longer than this, e.g. 24h (0 = never)',
    toml: ['retention.max_age'],
    apply: setter(parseDuration, (c, v) => (c.retention.maxAgeMs = v)),
  },
  {
    key: 'retention-max-bytes',
    value: '<size>',
    help: 'evict the oldest traces when the estimated size of the events passes this, e.g. 512MiB; the estimate covers the engine state too (0 = no limit)',
    toml: ['retention.max_bytes'],
    apply: setter(parseBytes, (c, v) => (c.retention.maxBytes = v)),
  },
  {
    key: 'queue-max-events',
    value: '<n>',
    help: 'events waiting to be stored before ingest answers 429 + Retry-After',
    toml: ['engine.queue_max_events', 'engine.buffer_size'],
    apply: setter(positive, (c, v) => (c.queue.maxEvents = v)),
  },
  {
    key: 'queue-max-batch',
    value: '<n>',
    help: 'most events stored and analysed in one step',
    toml: ['engine.queue_max_batch', 'engine.batch_size'],
    apply: setter(positive, (c, v) => (c.queue.maxBatchEvents = v)),
  },
  {
    key: 'retry-after',
    value: '<duration>',
    help: 'Retry-After suggested to clients when the queue is full',
    toml: ['engine.retry_after'],
    apply: setter(parseDuration, (c, v) => (c.queue.retryAfterMs = v)),
  },
  {
    key: 'skew-tolerance',
    value: '<duration>',
    help: 'clock-skew tolerance between services when ordering by time',
    toml: ['engine.skew_tolerance'],
    apply: setter(parseDuration, (c, v) => (c.skewToleranceMs = v)),
  },
  {
    key: 'anomaly-min-samples',
    value: '<n>',
    help: 'samples a baseline needs before anomalies are judged against it',
    toml: ['engine.anomaly_min_samples'],
    apply: setter(positive, (c, v) => (c.anomalyMinSamples = v)),
  },
  {
    key: 'replica-id',
    value: '<name>',
    help: 'name of this replica among those sharing one Postgres (default: <hostname>-<pid>)',
    toml: ['cluster.replica_id'],
    apply: setter(parseText, (c, v) => (c.replicaId = v)),
  },
  {
    key: 'follow-interval',
    value: '<duration>',
    help: 'with postgres: how often to analyse what other replicas stored, e.g. 1s (0 = never)',
    toml: ['cluster.follow_interval'],
    apply: setter(parseDuration, (c, v) => (c.followIntervalMs = v)),
  },
  {
    key: 'queue',
    value: '<broker>',
    help: 'buffer ingest in a broker: none, rabbitmq or nats (a 200 then means durable, not yet queryable)',
    toml: ['queue.mode'],
    apply: setter(
      (raw) => parseChoice(raw, BROKER_KINDS),
      (c, v) => (c.broker.kind = v),
    ),
  },
  {
    key: 'queue-url',
    value: '<url>',
    help: 'broker address: amqp://user:pass@rabbitmq:5672 or nats://user:pass@nats:4222 (nats://token@nats:4222)',
    toml: ['queue.url'],
    secret: true,
    apply: setter(parseText, (c, v) => (c.broker.url = v)),
  },
  {
    key: 'queue-name',
    value: '<name>',
    help: 'durable RabbitMQ queue, or NATS subject, the batches wait in',
    toml: ['queue.name'],
    apply: setter(parseText, (c, v) => (c.broker.name = v)),
  },
  {
    key: 'queue-prefetch',
    value: '<n>',
    help: 'batches a replica takes from the broker at once',
    toml: ['queue.prefetch'],
    apply: setter(positive, (c, v) => (c.broker.prefetch = v)),
  },
  {
    key: 'queue-stream',
    value: '<name>',
    help: 'NATS stream that captures the subject (default: queue-name with dots as underscores)',
    toml: ['queue.stream'],
    apply: setter(parseText, (c, v) => (c.broker.stream = v)),
  },
  {
    key: 'queue-consumer',
    value: '<name>',
    help: 'NATS durable consumer the replicas share',
    toml: ['queue.consumer'],
    apply: setter(parseText, (c, v) => (c.broker.consumer = v)),
  },
  {
    key: 'queue-ack-wait',
    value: '<duration>',
    help: 'NATS: redeliver a batch unacknowledged for this long, e.g. 30s (a busy replica extends it)',
    toml: ['queue.ack_wait'],
    apply: setter(parseDuration, (c, v) => (c.broker.ackWaitMs = v)),
  },
  {
    key: 'log-level',
    value: '<level>',
    help: `one of ${LOG_LEVELS.join(', ')}`,
    toml: ['logging.level'],
    apply: setter(
      (raw) => parseChoice(raw, LOG_LEVELS),
      (c, v) => (c.logLevel = v),
    ),
  },
  {
    key: 'ui-dir',
    value: '<dir>',
    help: 'folder of the built dashboard (default: ui/dist when built)',
    toml: ['server.ui_dir'],
    apply: setter(parseText, (c, v) => (c.uiDir = v)),
  },
];
