import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ConfigError } from '../errors/raceway-error.js';
import { defaultConfig } from './raceway-config.js';
import type { RacewayConfig } from './raceway-config.js';
import { SETTINGS, envName } from './settings.js';
import { applyLegacySwitches, LEGACY_IGNORED } from './legacy-switches.js';

export interface ConfigSources {
  /** CLI flag values by setting key (`max-body`), as commander gives them. */
  flags: Readonly<Record<string, unknown>>;
  env: Readonly<Record<string, string | undefined>>;
  /** `-c/--config`; when absent, `RACEWAY_CONFIG`, then `raceway.toml` in `cwd` if it exists. */
  configPath?: string | undefined;
  cwd: string;
}

export interface LoadedConfig {
  config: RacewayConfig;
  /** The raceway.toml that was read, if any. */
  file: string | undefined;
  /** Keys in the file that mean nothing to this collector (reported, not fatal). */
  warnings: string[];
}

/**
 * The effective configuration: defaults < raceway.toml < `RACEWAY_*` env < flags. Every bad value stops
 * with a `ConfigError` naming where it came from (`--port`, `RACEWAY_PORT`, `server.port in x.toml`).
 */
export function loadConfig(sources: ConfigSources): LoadedConfig {
  const config = defaultConfig();
  const warnings: string[] = [];
  const file = configFile(sources);
  if (file !== undefined) warnings.push(...applyFile(config, file));
  for (const setting of SETTINGS) {
    const name = envName(setting.key);
    const raw = sources.env[name];
    if (raw !== undefined && raw !== '') apply(config, setting.key, raw, name);
  }
  for (const setting of SETTINGS) {
    const raw = sources.flags[setting.key];
    if (raw !== undefined) apply(config, setting.key, raw, `--${setting.key}`);
  }
  check(config);
  return { config, file, warnings };
}

function configFile(sources: ConfigSources): string | undefined {
  const explicit = sources.configPath ?? sources.env['RACEWAY_CONFIG'];
  if (explicit !== undefined && explicit !== '') {
    const path = resolve(sources.cwd, explicit);
    if (!existsSync(path)) throw new ConfigError('--config', `file not found: ${explicit}`);
    return path;
  }
  const fallback = resolve(sources.cwd, 'raceway.toml');
  return existsSync(fallback) ? fallback : undefined;
}

function applyFile(config: RacewayConfig, path: string): string[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(path, `not valid TOML: ${(err as Error).message.split('\n')[0]}`, {
      cause: err,
    });
  }
  const known = new Set(LEGACY_IGNORED);
  for (const setting of SETTINGS) {
    for (const tomlPath of setting.toml) {
      known.add(tomlPath);
      const raw = lookup(doc, tomlPath);
      if (raw !== undefined) apply(config, setting.key, raw, `${tomlPath} in ${path}`);
    }
  }
  applyLegacySwitches(config, (p) => lookup(doc, p));
  return leafPaths(doc)
    .filter((p) => !known.has(p))
    .map((p) => `${p} in ${path} is not a known setting; ignored`);
}

function apply(config: RacewayConfig, key: string, raw: unknown, source: string): void {
  const setting = SETTINGS.find((s) => s.key === key)!;
  const expected = setting.apply(config, raw);
  if (expected !== undefined) throw new ConfigError(source, `must be ${expected}`);
}

function check(config: RacewayConfig): void {
  if (config.storage === 'postgres' && config.databaseUrl === undefined)
    throw new ConfigError('database-url', 'is required when storage is postgres');
  const ports = [
    { key: 'port', host: config.host, port: config.port, on: true },
    { key: 'otlp-http-port', ...config.otlpHttp, on: config.otlpHttp.enabled },
    { key: 'otlp-grpc-port', ...config.otlpGrpc, on: config.otlpGrpc.enabled },
  ].filter((p) => p.on && p.port !== 0);
  for (let i = 0; i < ports.length; i++)
    for (let j = i + 1; j < ports.length; j++)
      if (ports[i]!.port === ports[j]!.port)
        throw new ConfigError(
          ports[j]!.key,
          `${ports[j]!.port} is already used by ${ports[i]!.key}`,
        );
  checkBroker(config.broker);
  if (config.maxBodyBytes < 1024) throw new ConfigError('max-body', 'must be at least 1KiB');
}

/** Names NATS would refuse: a subject of dot-separated tokens, stream and consumer names of one token. */
const NATS_SUBJECT = /^[^\s.*>]+(\.[^\s.*>]+)*$/;
const NATS_NAME = /^[^\s.*>/\\]+$/;

function checkBroker(broker: RacewayConfig['broker']): void {
  if (broker.kind === 'none') return;
  if (broker.url === undefined)
    throw new ConfigError('queue-url', `is required when queue is ${broker.kind}`);
  const scheme = broker.kind === 'nats' ? /^nats:\/\/[^/]/i : /^amqps?:\/\/[^/]/i;
  if (!scheme.test(broker.url)) {
    const form = broker.kind === 'nats' ? 'nats://host:4222' : 'amqp://host:5672 (or amqps://)';
    throw new ConfigError('queue-url', `must be a URL like ${form} when queue is ${broker.kind}`);
  }
  if (broker.kind !== 'nats') return;
  if (!NATS_SUBJECT.test(broker.name))
    throw new ConfigError(
      'queue-name',
      `must be a NATS subject (dot-separated tokens, no spaces or wildcards), not ${JSON.stringify(broker.name)}`,
    );
  for (const [key, name] of [
    ['queue-stream', broker.stream],
    ['queue-consumer', broker.consumer],
  ] as const)
    if (name !== undefined && !NATS_NAME.test(name))
      throw new ConfigError(
        key,
        `must be a NATS name (no spaces, dots, wildcards or slashes), not ${JSON.stringify(name)}`,
      );
  if (broker.ackWaitMs < 1_000) throw new ConfigError('queue-ack-wait', 'must be at least 1s');
}

function lookup(doc: Record<string, unknown>, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function leafPaths(node: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    const path = prefix + key;
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      !(value instanceof Date)
    )
      out.push(...leafPaths(value as Record<string, unknown>, `${path}.`));
    else out.push(path);
  }
  return out;
}
