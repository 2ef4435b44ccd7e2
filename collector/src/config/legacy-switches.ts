import { ConfigError } from '../errors/raceway-error.js';
import type { RacewayConfig } from './raceway-config.js';

/**
 * Keys of the old raceway.toml (spec §4.15) that have no meaning here: its analyses are always on, and
 * spans are always derived. Accepted silently so an old file loads.
 */
export const LEGACY_IGNORED: readonly string[] = [
  'server.verbose',
  'server.ui_password',
  'storage.postgres.min_connections',
  'storage.postgres.connection_timeout_seconds',
  'storage.postgres.auto_migrate',
  'engine.flush_interval_ms',
  'race_detection.enabled',
  'anomaly_detection.enabled',
  'distributed_tracing.enabled',
  'logging.include_modules',
  'development.cors_allow_all',
  'server.auth_enabled',
  'server.rate_limit_enabled',
  'server.cors_enabled',
];

/**
 * The old file's on/off switches, applied after its values: `auth_enabled = false` ignored `api_keys`,
 * `rate_limit_enabled = true` used `rate_limit_rpm` (default 1000), `cors_enabled = false` sent no CORS.
 */
export function applyLegacySwitches(config: RacewayConfig, get: (path: string) => unknown): void {
  const flag = (path: string): boolean | undefined => {
    const v = get(path);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new ConfigError(path, 'must be true or false');
    return v;
  };
  if (flag('server.auth_enabled') === false) config.apiKeys = [];
  const rateLimit = flag('server.rate_limit_enabled');
  if (rateLimit === false) config.rateLimitRpm = 0;
  if (rateLimit === true && get('server.rate_limit_rpm') === undefined) config.rateLimitRpm = 1000;
  if (flag('server.cors_enabled') === false) config.corsOrigins = [];
  if (get('development.cors_allow_all') === true) config.corsOrigins = ['*'];
}
