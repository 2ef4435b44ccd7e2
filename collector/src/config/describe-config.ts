import { natsStreamName } from './raceway-config.js';
import type { RacewayConfig } from './raceway-config.js';

/** A secret shown as its length only, so logs and terminals never hold it. */
export function maskSecret(secret: string): string {
  return `***(${secret.length} chars)`;
}

/**
 * A connection URL with its passwords masked: the userinfo one (also with an empty user name), a NATS
 * token (`nats://token@host`) and the `password` / `sslpassword` query parameters that libpq-style URLs
 * accept.
 */
export function maskUrl(url: string): string {
  return url
    .replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@')
    .replace(/^(nats:\/\/)[^:/@]+@/i, '$1***@')
    .replace(/([?&](?:ssl)?password=)[^&#]*/gi, '$1***');
}

/** Values the running collector settles on where the configuration leaves them open. */
export interface EffectiveSettings {
  /** The configured replica id, or the `<hostname>-<pid>` this process took. */
  replicaId: string;
  /** The folder the dashboard is served from: the configured one, else the built `ui/dist`, if any. */
  uiDir: string | undefined;
  /** Whether `uiDir` holds an `index.html` to serve. */
  uiBuilt: boolean;
}

/** The effective configuration as `key = value` lines for the startup banner, secrets masked. */
export function describeConfig(config: RacewayConfig, effective: EffectiveSettings): string[] {
  const listener = (l: RacewayConfig['otlpHttp']) => (l.enabled ? `${l.host}:${l.port}` : 'off');
  const limit = (n: number, unit = '') => (n === 0 ? 'none' : `${n}${unit}`);
  const rows: Array<[string, string]> = [
    ['api', `${config.host}:${config.port}`],
    ['otlp-http', listener(config.otlpHttp)],
    ['otlp-grpc', listener(config.otlpGrpc)],
    ['storage', config.storage],
    ['database-url', config.databaseUrl === undefined ? '-' : maskUrl(config.databaseUrl)],
    [
      'database-read-url',
      config.databaseReadUrl === undefined ? '-' : maskUrl(config.databaseReadUrl),
    ],
    [
      'api-key',
      config.apiKeys.length === 0 ? 'none (auth off)' : config.apiKeys.map(maskSecret).join(', '),
    ],
    ['cors-origin', config.corsOrigins.length === 0 ? 'none' : config.corsOrigins.join(', ')],
    ['rate-limit', limit(config.rateLimitRpm, '/min')],
    ['max-body', `${config.maxBodyBytes} bytes`],
    ['retention-max-traces', limit(config.retention.maxTraces)],
    ['retention-max-age', limit(config.retention.maxAgeMs, 'ms')],
    ['retention-max-bytes', limit(config.retention.maxBytes, ' bytes')],
    ['queue-max-events', String(config.queue.maxEvents)],
    ['queue-max-batch', String(config.queue.maxBatchEvents)],
    ['retry-after', `${config.queue.retryAfterMs}ms`],
    ['skew-tolerance', `${config.skewToleranceMs}ms`],
    ['anomaly-min-samples', String(config.anomalyMinSamples)],
    ['replica-id', effective.replicaId],
    ['follow-interval', limit(config.followIntervalMs, 'ms')],
    ['queue', config.broker.kind],
    ['queue-url', config.broker.url === undefined ? '-' : maskUrl(config.broker.url)],
    ['queue-name', config.broker.name],
    ['queue-prefetch', String(config.broker.prefetch)],
    ...natsRows(config.broker),
    ['log-level', config.logLevel],
    ['ui-dir', dashboard(effective)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
}

/** Where the dashboard comes from, or why `/` only says how to build it. */
function dashboard({ uiDir, uiBuilt }: EffectiveSettings): string {
  if (uiDir === undefined) return 'not built (no dashboard; npm run build --workspace ui)';
  return uiBuilt ? uiDir : `${uiDir} (no index.html there: no dashboard)`;
}

/** The NATS-only queue keys, shown when they are in use. */
function natsRows(broker: RacewayConfig['broker']): Array<[string, string]> {
  if (broker.kind !== 'nats') return [];
  return [
    ['queue-stream', natsStreamName(broker)],
    ['queue-consumer', broker.consumer],
    ['queue-ack-wait', `${broker.ackWaitMs}ms`],
  ];
}
