import { defaultConfig } from '../collector/dist/config/raceway-config.js';
import type { RacewayConfig } from '../collector/dist/config/raceway-config.js';

/**
 * The collector as the native-ingest benches run it: defaults (memory store, real engine, default
 * retention), the API on an ephemeral loopback port, no OTLP listeners, no logs.
 */
export function nativeCollectorConfig(): RacewayConfig {
  return {
    ...defaultConfig(),
    port: 0,
    logLevel: 'silent',
    otlpHttp: { enabled: false, host: '127.0.0.1', port: 0 },
    otlpGrpc: { enabled: false, host: '127.0.0.1', port: 0 },
  };
}
