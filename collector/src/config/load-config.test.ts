import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/raceway-error.js';
import { describeConfig } from './describe-config.js';
import { loadConfig } from './load-config.js';
import { natsStreamName } from './raceway-config.js';
import type { ConfigSources } from './load-config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(toml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'raceway-config-'));
  dirs.push(dir);
  if (toml !== undefined) writeFileSync(join(dir, 'raceway.toml'), toml);
  return dir;
}

function load(partial: Partial<ConfigSources> = {}) {
  return loadConfig({ flags: {}, env: {}, cwd: folder(), ...partial });
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8080, memory storage, OTLP on 4318/4317 and a body limit of at least 10 MiB', () => {
    const { config, file } = load();
    expect(file).toBeUndefined();
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      storage: 'memory',
      otlpHttp: { enabled: true, port: 4318 },
      otlpGrpc: { enabled: true, port: 4317 },
      apiKeys: [],
    });
    expect(config.maxBodyBytes).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });

  it('allows no cross-origin browser access by default (the dashboard is same-origin)', () => {
    expect(load().config.corsOrigins).toEqual([]);
    expect(load({ flags: { 'cors-origin': ['*'] } }).config.corsOrigins).toEqual(['*']);
  });

  it('applies defaults < raceway.toml < RACEWAY_* env < flags', () => {
    const cwd = folder('[server]\nport = 9000\nhost = "0.0.0.0"\nmax_body = "20MiB"\n');
    const fromFile = loadConfig({ flags: {}, env: {}, cwd }).config;
    expect(fromFile).toMatchObject({ port: 9000, host: '0.0.0.0', maxBodyBytes: 20 * 1024 * 1024 });
    const fromEnv = loadConfig({ flags: {}, env: { RACEWAY_PORT: '9100' }, cwd }).config;
    expect(fromEnv).toMatchObject({ port: 9100, host: '0.0.0.0' });
    const fromFlag = loadConfig({ flags: { port: '9200' }, env: { RACEWAY_PORT: '9100' }, cwd });
    expect(fromFlag.config.port).toBe(9200);
  });

  it('reads repeatable keys from repeated flags, comma-separated env and TOML arrays', () => {
    expect(load({ flags: { 'api-key': ['a', 'b'] } }).config.apiKeys).toEqual(['a', 'b']);
    expect(load({ env: { RACEWAY_API_KEY: 'a, b' } }).config.apiKeys).toEqual(['a', 'b']);
    const cwd = folder('[server]\ncors_origins = ["https://a.example", "https://b.example"]\n');
    expect(loadConfig({ flags: {}, env: {}, cwd }).config.corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('parses sizes and durations with units', () => {
    const { config } = load({
      flags: {
        'retention-max-bytes': '1GiB',
        'retention-max-age': '24h',
        'skew-tolerance': '250ms',
      },
    });
    expect(config.retention).toMatchObject({ maxBytes: 1024 ** 3, maxAgeMs: 86_400_000 });
    expect(config.skewToleranceMs).toBe(250);
  });

  it('loads an old-server raceway.toml (spec §4.15 keys)', () => {
    const cwd = folder(
      [
        '[server]',
        'auth_enabled = true',
        'api_keys = ["k"]',
        'rate_limit_enabled = true',
        '[storage]',
        'backend = "supabase"',
        '[storage.postgres]',
        'connection_string = "postgres://u:pw@db/raceway"',
        'max_connections = 4',
        '[engine]',
        'buffer_size = 5000',
        'flush_interval_ms = 100',
        '[distributed_tracing]',
        'enabled = true',
      ].join('\n'),
    );
    const { config, warnings } = loadConfig({ flags: {}, env: {}, cwd });
    expect(config).toMatchObject({
      apiKeys: ['k'],
      rateLimitRpm: 1000,
      storage: 'postgres',
      databaseUrl: 'postgres://u:pw@db/raceway',
      databasePoolSize: 4,
      queue: { maxEvents: 5000 },
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    [{ flags: { port: '80000' } }, '--port', 'must be an integer from 0 to 65535'],
    [{ env: { RACEWAY_STORAGE: 'mysql' } }, 'RACEWAY_STORAGE', 'must be one of memory, postgres'],
    [{ flags: { 'max-body': 'lots' } }, '--max-body', 'must be a size'],
    [{ flags: { 'log-level': 'loud' } }, '--log-level', 'must be one of trace'],
    [{ flags: { storage: 'postgres' } }, 'database-url', 'is required when storage is postgres'],
    [{ flags: { 'otlp-http-port': '8080' } }, 'otlp-http-port', '8080 is already used by port'],
    [{ configPath: 'missing.toml' }, '--config', 'file not found'],
  ])('stops on %j naming the bad key', (partial, key, message) => {
    const error = errorOf(() => load(partial));
    expect(error.key).toBe(key);
    expect(error.message).toContain(message);
  });

  it('reads the NATS queue settings from flags, RACEWAY_* env and raceway.toml', () => {
    const fromFlags = load({
      flags: {
        queue: 'nats',
        'queue-url': 'nats://raceway:pw@nats:4222',
        'queue-name': 'raceway.ingest',
        'queue-stream': 'RACEWAY',
        'queue-consumer': 'analysis',
        'queue-ack-wait': '45s',
      },
    }).config.broker;
    expect(fromFlags).toEqual({
      kind: 'nats',
      url: 'nats://raceway:pw@nats:4222',
      name: 'raceway.ingest',
      prefetch: 4,
      stream: 'RACEWAY',
      consumer: 'analysis',
      ackWaitMs: 45_000,
    });
    const fromEnv = load({
      env: {
        RACEWAY_QUEUE: 'nats',
        RACEWAY_QUEUE_URL: 'nats://nats:4222',
        RACEWAY_QUEUE_STREAM: 'RACEWAY',
        RACEWAY_QUEUE_CONSUMER: 'analysis',
        RACEWAY_QUEUE_ACK_WAIT: '1m',
      },
    }).config.broker;
    expect(fromEnv).toMatchObject({ stream: 'RACEWAY', consumer: 'analysis', ackWaitMs: 60_000 });
    const cwd = folder(
      '[queue]\nmode = "nats"\nurl = "nats://nats:4222"\nstream = "RACEWAY"\nconsumer = "c"\nack_wait = "10s"\n',
    );
    const fromFile = loadConfig({ flags: {}, env: {}, cwd });
    expect(fromFile.config.broker).toMatchObject({
      kind: 'nats',
      stream: 'RACEWAY',
      ackWaitMs: 10_000,
    });
    expect(fromFile.warnings).toEqual([]);
  });

  it('names the NATS stream after the subject unless queue-stream is set', () => {
    const config = load({ flags: { queue: 'nats', 'queue-url': 'nats://nats:4222' } }).config;
    expect(config.broker).toMatchObject({ name: 'raceway.events', stream: undefined });
    expect(natsStreamName(config.broker)).toBe('raceway_events');
    expect(natsStreamName({ ...config.broker, stream: 'RACEWAY' })).toBe('RACEWAY');
  });

  it.each([
    [{ queue: 'kafka' }, '--queue', 'must be one of none, rabbitmq, nats'],
    [{ queue: 'nats' }, 'queue-url', 'is required when queue is nats'],
    [
      { queue: 'nats', 'queue-url': 'amqp://guest:guest@rabbitmq:5672' },
      'queue-url',
      'must be a URL like nats://host:4222 when queue is nats',
    ],
    [
      { queue: 'rabbitmq', 'queue-url': 'nats://nats:4222' },
      'queue-url',
      'must be a URL like amqp://host:5672 (or amqps://) when queue is rabbitmq',
    ],
    [
      { queue: 'nats', 'queue-url': 'nats://nats:4222', 'queue-name': 'raceway.*' },
      'queue-name',
      'must be a NATS subject',
    ],
    [
      { queue: 'nats', 'queue-url': 'nats://nats:4222', 'queue-name': 'raceway..events' },
      'queue-name',
      'must be a NATS subject',
    ],
    [
      { queue: 'nats', 'queue-url': 'nats://nats:4222', 'queue-stream': 'raceway.events' },
      'queue-stream',
      'must be a NATS name',
    ],
    [
      { queue: 'nats', 'queue-url': 'nats://nats:4222', 'queue-consumer': 'a b' },
      'queue-consumer',
      'must be a NATS name',
    ],
    [
      { queue: 'nats', 'queue-url': 'nats://nats:4222', 'queue-ack-wait': '500ms' },
      'queue-ack-wait',
      'must be at least 1s',
    ],
    [{ 'queue-ack-wait': 'soon' }, '--queue-ack-wait', 'must be a duration'],
  ])('stops on queue settings %j naming the bad key', (flags, key, message) => {
    const error = errorOf(() => load({ flags }));
    expect(error.key).toBe(key);
    expect(error.message).toContain(message);
  });

  it('masks the NATS password or token when described', () => {
    for (const url of ['nats://raceway:hunter2@nats:4222', 'nats://hunter2@nats:4222']) {
      const { config } = load({ flags: { queue: 'nats', 'queue-url': url } });
      const text = describeConfig(config, {
        replicaId: 'r1',
        uiDir: undefined,
        uiBuilt: false,
      }).join('\n');
      expect(text).not.toContain('hunter2');
      expect(text).toMatch(/^queue-url +nats:\/\/(raceway:)?\*\*\*@nats:4222$/m);
      expect(text).toMatch(/^queue-stream +raceway_events$/m);
    }
  });

  it('names the file and TOML path of a bad value, and reports broken TOML', () => {
    const cwd = folder('[server]\nport = "high"\n');
    const error = errorOf(() => loadConfig({ flags: {}, env: {}, cwd }));
    expect(error.key).toBe(`server.port in ${join(cwd, 'raceway.toml')}`);
    const broken = folder('[server\nport = 1');
    expect(errorOf(() => loadConfig({ flags: {}, env: {}, cwd: broken })).message).toContain(
      'not valid TOML',
    );
  });

  it('warns about unknown keys in the file instead of failing', () => {
    const cwd = folder('[server]\nprot = 9000\n');
    const { warnings } = loadConfig({ flags: {}, env: {}, cwd });
    expect(warnings).toEqual([
      `server.prot in ${join(cwd, 'raceway.toml')} is not a known setting; ignored`,
    ]);
  });

  it('masks API keys and database passwords when described', () => {
    const { config } = load({
      flags: {
        'api-key': ['super-secret-key'],
        storage: 'postgres',
        'database-url': 'postgres://raceway:hunter2@db:5432/raceway',
      },
    });
    const text = describeConfig(config, { replicaId: 'r1', uiDir: undefined, uiBuilt: false }).join(
      '\n',
    );
    expect(text).not.toContain('super-secret-key');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('postgres://raceway:***@db:5432/raceway');
  });
});
