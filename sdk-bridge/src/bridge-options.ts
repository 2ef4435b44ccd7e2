import { hostname } from 'node:os';

export type BridgeTransport = 'otlp-http' | 'otlp-proto' | 'otlp-grpc' | 'native';

export interface BridgeOptions {
  serviceName?: string;
  /** Default: env RACEWAY_INSTANCE_ID, then `${hostname}-${pid}` (spec §2.1). */
  instanceId?: string;
  environment?: string;
  /** Collector base URL (REST API port); default env RACEWAY_URL, then http://127.0.0.1:8080. */
  collectorUrl?: string;
  /** OTLP/gRPC endpoint for `otlp-grpc`; default the collector host on port 4317. */
  grpcUrl?: string;
  apiKey?: string;
  /** Default env RACEWAY_TRANSPORT, then `otlp-http` (OTLP/HTTP JSON). */
  transport?: BridgeTransport;
  tags?: Record<string, string>;
  /** Native transport: events kept while the collector is unreachable (oldest dropped beyond). */
  maxBufferedEvents?: number;
  batchSize?: number;
  flushIntervalMs?: number;
  /** Span events per span (OTel's default 128 silently drops the oldest: DESIGN.md platform facts). */
  maxEventsPerSpan?: number;
  /** Extra OpenTelemetry instrumentations for the NodeSDK (e.g. HTTP). */
  instrumentations?: unknown[];
  warn?: (message: string) => void;
}

export type ResolvedBridgeOptions = Required<Omit<BridgeOptions, 'apiKey' | 'instrumentations'>> & {
  apiKey: string | undefined;
  instrumentations: unknown[];
};

const TRANSPORTS: readonly BridgeTransport[] = ['otlp-http', 'otlp-proto', 'otlp-grpc', 'native'];

/** Options < RACEWAY_* environment variables < defaults, the same names as the old SDKs use. */
export function resolveBridgeOptions(
  options: BridgeOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedBridgeOptions {
  const transport =
    options.transport ?? (env.RACEWAY_TRANSPORT as BridgeTransport | undefined) ?? 'otlp-http';
  if (!TRANSPORTS.includes(transport)) {
    throw new Error(
      `raceway: transport must be one of ${TRANSPORTS.join(', ')} (got ${String(transport)})`,
    );
  }
  const collectorUrl = (options.collectorUrl ?? env.RACEWAY_URL ?? 'http://127.0.0.1:8080').replace(
    /\/+$/,
    '',
  );
  const grpc = new URL(collectorUrl);
  grpc.port = '4317';
  return {
    serviceName:
      options.serviceName ?? env.RACEWAY_SERVICE_NAME ?? env.OTEL_SERVICE_NAME ?? 'unknown-service',
    instanceId: options.instanceId ?? env.RACEWAY_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    environment: options.environment ?? env.NODE_ENV ?? 'development',
    collectorUrl,
    grpcUrl: options.grpcUrl ?? env.RACEWAY_GRPC_URL ?? grpc.origin,
    apiKey: options.apiKey ?? env.RACEWAY_API_KEY,
    transport,
    tags: options.tags ?? {},
    maxBufferedEvents: options.maxBufferedEvents ?? 10_000,
    batchSize: options.batchSize ?? 100,
    flushIntervalMs: options.flushIntervalMs ?? 1_000,
    maxEventsPerSpan: options.maxEventsPerSpan ?? 10_000,
    instrumentations: options.instrumentations ?? [],
    // eslint-disable-next-line no-console -- the one place a library may speak: a single warning line.
    warn: options.warn ?? ((m) => console.warn(m)),
  };
}
