import { createApp } from '../app.js';
import type { App, AppParts } from '../app.js';
import { defaultConfig } from '../config/raceway-config.js';
import type { RacewayConfig } from '../config/raceway-config.js';

/** Config overrides; the nested groups merge key by key. */
export type TestCollectorOverrides = Partial<
  Omit<RacewayConfig, 'otlpHttp' | 'otlpGrpc' | 'retention' | 'queue'>
> & {
  otlpHttp?: Partial<RacewayConfig['otlpHttp']>;
  otlpGrpc?: Partial<RacewayConfig['otlpGrpc']>;
  retention?: Partial<RacewayConfig['retention']>;
  queue?: Partial<RacewayConfig['queue']>;
  /** Replace the clock, logger or store (e.g. a `GatedStore`). */
  parts?: AppParts;
};

export interface TestCollector {
  /** The API base URL (`/events`, `/api/*`, `/v1/traces`, `/metrics`). */
  url: string;
  otlpHttpUrl: string | undefined;
  otlpGrpcUrl: string | undefined;
  app: App;
  close(): Promise<void>;
}

/**
 * A real collector, exactly as `raceway serve` builds it (memory store, real engine, every listener), on
 * 127.0.0.1 with ephemeral ports and silent logs, ready once the promise resolves.
 */
export async function startTestCollector(
  overrides: TestCollectorOverrides = {},
): Promise<TestCollector> {
  const { parts, otlpHttp, otlpGrpc, retention, queue, ...flat } = overrides;
  const base = defaultConfig();
  const config: RacewayConfig = {
    ...base,
    port: 0,
    logLevel: 'silent',
    ...flat,
    otlpHttp: { ...base.otlpHttp, port: 0, ...otlpHttp },
    otlpGrpc: { ...base.otlpGrpc, port: 0, ...otlpGrpc },
    retention: { ...base.retention, ...retention },
    queue: { ...base.queue, ...queue },
  };
  const app = createApp(config, { processMetrics: false, ...parts });
  const urls = await app.start();
  await app.ready();
  return {
    url: urls.apiUrl,
    otlpHttpUrl: urls.otlpHttpUrl,
    otlpGrpcUrl: urls.otlpGrpcUrl,
    app,
    close: () => app.shutdown(),
  };
}
