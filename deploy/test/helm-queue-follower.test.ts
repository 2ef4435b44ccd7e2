import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../collector/src/config/load-config.js';
import { defaultConfig } from '../../collector/src/config/raceway-config.js';
import { deployDir, readYaml } from './manifests.js';

// The chart's broker-buffering (`queue`) and replica-following (`cluster`) values: what the schema accepts,
// that the workload template passes each one to the variable the collector reads, and that the collector
// accepts the values in the form the template writes them (there is no helm binary to render with).

interface QueueValues {
  mode: string;
  existingSecret: string;
  urlKey: string;
  name: string;
  prefetch: number;
  stream: string;
  consumer: string;
  ackWait: string;
}
interface ClusterValues {
  followInterval: string;
  replicaId: string;
}
interface ChartValues {
  queue: QueueValues;
  cluster: ClusterValues;
  [key: string]: unknown;
}

const chartDir = join(deployDir, 'helm/raceway');
const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const defaults = readYaml('helm/raceway/values.yaml') as ChartValues;
const ciCase = readYaml('helm/raceway/ci/queue-follower-values.yaml') as Partial<ChartValues>;
const natsCase = readYaml('helm/raceway/ci/queue-nats-values.yaml') as Partial<ChartValues>;
const workload = readFileSync(join(chartDir, 'templates/workload.yaml'), 'utf8');

/** The values Helm would use: the defaults with these groups replaced key by key. */
function withValues(over: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults };
  for (const [group, values] of Object.entries(over))
    out[group] = { ...(defaults[group] as object), ...values };
  return out;
}

/** The template text of the env entry that sets `name`, up to the next entry. */
function envEntry(name: string): string {
  const start = workload.search(new RegExp(`name: ${name}\\b`));
  expect(start, `${name} is not set by the workload template`).toBeGreaterThan(-1);
  const rest = workload.slice(start);
  const next = rest.slice(1).search(/\n\s*- [{n]/);
  return next === -1 ? rest : rest.slice(0, next + 1);
}

/** Stand-ins for what the broker Secret holds. */
const BROKER_URLS: Record<string, string> = {
  rabbitmq: 'amqp://raceway:secret@rabbitmq.observability:5672/raceway',
  nats: 'nats://raceway:secret@nats.observability:4222',
};

/** The RACEWAY_* variables the workload template sets for these values, as strings (postgres storage). */
function renderedEnv(queue: QueueValues, cluster: ClusterValues, podName: string) {
  const env: Record<string, string> = {
    RACEWAY_STORAGE: 'postgres',
    RACEWAY_DATABASE_URL: 'postgres://raceway:secret@db.observability:5432/raceway',
    RACEWAY_FOLLOW_INTERVAL: cluster.followInterval,
    RACEWAY_REPLICA_ID: cluster.replicaId || podName,
  };
  if (queue.mode !== 'none') {
    env.RACEWAY_QUEUE = queue.mode;
    env.RACEWAY_QUEUE_URL = BROKER_URLS[queue.mode]!;
    env.RACEWAY_QUEUE_NAME = queue.name;
    env.RACEWAY_QUEUE_PREFETCH = String(Math.trunc(queue.prefetch));
  }
  if (queue.mode === 'nats') {
    if (queue.stream) env.RACEWAY_QUEUE_STREAM = queue.stream;
    env.RACEWAY_QUEUE_CONSUMER = queue.consumer;
    env.RACEWAY_QUEUE_ACK_WAIT = queue.ackWait;
  }
  return env;
}

function load(env: Record<string, string>) {
  return loadConfig({ flags: {}, env, cwd: tmpdir() }).config;
}

describe('Helm chart: broker buffering and replica following', () => {
  it.each([
    ['rabbitmq without the broker Secret', { queue: { mode: 'rabbitmq' } }],
    ['an unknown broker', { queue: { mode: 'kafka', existingSecret: 'broker' } }],
    ['a prefetch of 0', { queue: { prefetch: 0 } }],
    ['a fractional prefetch', { queue: { prefetch: 2.5 } }],
    ['a misspelt queue key', { queue: { url: 'amqp://guest:guest@rabbitmq:5672' } }],
    ['nats without the broker Secret', { queue: { mode: 'nats' } }],
    ['a NATS stream name with a dot', { queue: { stream: 'raceway.events' } }],
    ['an empty NATS consumer name', { queue: { consumer: '' } }],
    ['an ack wait under a second', { queue: { ackWait: '500ms' } }],
    ['an ack wait of 0', { queue: { ackWait: '0' } }],
    ['an ack wait in words', { queue: { ackWait: 'half a minute' } }],
    ['a follow interval in words', { cluster: { followInterval: '1 second' } }],
    ['a follow interval as a bare number', { cluster: { followInterval: 1000 } }],
    ['a misspelt cluster key', { cluster: { followIntervalMs: 1000 } }],
  ])('the schema rejects %s', (_what, over) => {
    expect(validate(withValues(over))).toBe(false);
  });

  it.each(['0', '250', '500ms', '1.5s', '2m', '1h'])(
    'the schema accepts a follow interval of "%s", which the collector reads',
    (followInterval) => {
      expect(validate(withValues({ cluster: { followInterval } }))).toBe(true);
      expect(
        load({ RACEWAY_FOLLOW_INTERVAL: followInterval }).followIntervalMs,
      ).toBeGreaterThanOrEqual(0);
    },
  );

  it.each(['1s', '1.5s', '30s', '2m', '1h', '1000', '2500ms'])(
    'the schema accepts an ack wait of "%s", which the collector reads',
    (ackWait) => {
      expect(validate(withValues({ queue: { mode: 'nats', existingSecret: 'n', ackWait } }))).toBe(
        true,
      );
      const env = {
        RACEWAY_QUEUE: 'nats',
        RACEWAY_QUEUE_URL: BROKER_URLS.nats!,
        RACEWAY_QUEUE_ACK_WAIT: ackWait,
      };
      expect(load(env).broker.ackWaitMs).toBeGreaterThanOrEqual(1_000);
    },
  );

  it('defaults to what the collector does without them', () => {
    const collector = defaultConfig();
    const config = load(
      renderedEnv({ ...defaults.queue, mode: 'rabbitmq' }, defaults.cluster, 'p'),
    );
    expect(defaults.queue.mode).toBe(collector.broker.kind);
    expect(config.broker.name).toBe(collector.broker.name);
    expect(config.broker.prefetch).toBe(collector.broker.prefetch);
    expect(config.followIntervalMs).toBe(collector.followIntervalMs);
    const nats = load(renderedEnv({ ...defaults.queue, mode: 'nats' }, defaults.cluster, 'p'));
    expect(nats.broker).toEqual({
      ...collector.broker,
      kind: 'nats',
      url: BROKER_URLS.nats,
    });
  });

  it('passes each value to the variable the collector reads', () => {
    expect(envEntry('RACEWAY_QUEUE')).toContain('.Values.queue.mode');
    expect(envEntry('RACEWAY_QUEUE_URL')).toMatch(
      /secretKeyRef:\s+name: \{\{ \.Values\.queue\.existingSecret \}\}\s+key: \{\{ \.Values\.queue\.urlKey \}\}/,
    );
    expect(envEntry('RACEWAY_QUEUE_NAME')).toContain('.Values.queue.name');
    expect(envEntry('RACEWAY_QUEUE_PREFETCH')).toContain('.Values.queue.prefetch | int');
    expect(envEntry('RACEWAY_QUEUE_STREAM')).toContain('.Values.queue.stream');
    expect(envEntry('RACEWAY_QUEUE_CONSUMER')).toContain('.Values.queue.consumer');
    expect(envEntry('RACEWAY_QUEUE_ACK_WAIT')).toContain('.Values.queue.ackWait');
    // The NATS-only variables are set in nats mode only, the stream only when one is named.
    expect(workload).toMatch(
      /if eq \.Values\.queue\.mode "nats" \}\}\s+\{\{- if \.Values\.queue\.stream \}\}\s+- \{ name: RACEWAY_QUEUE_STREAM/,
    );
    expect(envEntry('RACEWAY_FOLLOW_INTERVAL')).toContain('.Values.cluster.followInterval');
    expect(envEntry('RACEWAY_REPLICA_ID')).toContain('.Values.cluster.replicaId');
    // Left empty, each pod is named after itself (downward API), never one name for all replicas.
    expect(workload).toMatch(
      /- name: RACEWAY_REPLICA_ID\s+valueFrom:\s+fieldRef:\s+fieldPath: metadata\.name/,
    );
    // The broker URL carries credentials: only ever from a Secret, and required in queue mode.
    expect(workload).not.toMatch(/RACEWAY_QUEUE_URL, value:/);
    expect(workload).toMatch(/fail "queue\.existingSecret/);
  });

  it('the ci case configures a collector in queue mode that follows the other replica', () => {
    const queue = { ...defaults.queue, ...ciCase.queue };
    const cluster = { ...defaults.cluster, ...ciCase.cluster };
    expect(queue.mode).toBe('rabbitmq');
    const config = load(renderedEnv(queue, cluster, 'raceway-7d9f-abcde'));
    expect(config.broker).toMatchObject({
      kind: 'rabbitmq',
      url: BROKER_URLS.rabbitmq,
      name: queue.name,
      prefetch: queue.prefetch,
    });
    expect(config.followIntervalMs).toBe(500);
    expect(config.replicaId).toBe('raceway-7d9f-abcde');
    expect(config.storage).toBe('postgres');
  });

  it('the nats ci case configures a collector on its own stream, consumer and ack wait', () => {
    const queue = { ...defaults.queue, ...natsCase.queue };
    const cluster = { ...defaults.cluster, ...natsCase.cluster };
    expect(validate(withValues({ queue, cluster }))).toBe(true);
    const config = load(renderedEnv(queue, cluster, 'raceway-7d9f-abcde'));
    expect(config.broker).toEqual({
      kind: 'nats',
      url: BROKER_URLS.nats,
      name: 'raceway.events.ci',
      prefetch: 8,
      stream: 'RACEWAY_CI',
      consumer: 'raceway-ci',
      ackWaitMs: 60_000,
    });
  });
});
