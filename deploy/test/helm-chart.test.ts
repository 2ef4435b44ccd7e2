import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { deployDir, readYaml } from './manifests.js';

const chartDir = join(deployDir, 'helm/raceway');
const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const defaults = readYaml('helm/raceway/values.yaml') as Record<string, unknown>;
const ciFiles = readdirSync(join(chartDir, 'ci')).filter((f) => f.endsWith('.yaml'));

/** Helm merges -f values over the chart defaults, maps deeply and lists wholesale. */
function merge(base: unknown, over: unknown): unknown {
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
    return out;
  }
  return over === undefined ? base : over;
}
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function errorsOf(values: unknown): string {
  return validate(values) ? '' : JSON.stringify(validate.errors);
}

describe('Helm chart values', () => {
  it('values.yaml satisfies values.schema.json', () => {
    expect(errorsOf(defaults)).toBe('');
  });

  it.each(ciFiles)('ci/%s merged over the defaults satisfies the schema', (file) => {
    expect(errorsOf(merge(defaults, readYaml(`helm/raceway/ci/${file}`)))).toBe('');
  });

  it.each([
    ['an unknown mode', { mode: 'daemonset' }],
    ['postgres storage without a Secret', { storage: { type: 'postgres' } }],
    ['a statefulset on memory storage', { mode: 'statefulset' }],
    ['a misspelt top-level key', { replicas: 3 }],
    ['a memory limit in bytes', { resources: { limits: { memory: '1073741824' } } }],
  ])('the schema rejects %s', (_what, override) => {
    expect(errorsOf(merge(defaults, override))).not.toBe('');
  });

  it('follows the OpenTelemetry Collector chart conventions', () => {
    for (const key of [
      'mode',
      'image',
      'ports',
      'config',
      'resources',
      'serviceAccount',
      'podAnnotations',
      'livenessProbe',
      'readinessProbe',
      'service',
      'ingress',
      'serviceMonitor',
      'podDisruptionBudget',
      'storage',
      'auth',
    ]) {
      expect(defaults, key).toHaveProperty(key);
    }
  });

  it('templates only read values that values.yaml defines', () => {
    const templates = readdirSync(join(chartDir, 'templates'));
    const missing: string[] = [];
    for (const t of templates) {
      const text = readFileSync(join(chartDir, 'templates', t), 'utf8');
      for (const [, path] of text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)) {
        let node: unknown = defaults;
        for (const part of path!.split('.')) node = isObject(node) ? node[part] : undefined;
        if (node === undefined) missing.push(`${t}: .Values.${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

// helm is not part of this repository's toolchain; where a binary exists, let it have the last word.
const helm = spawnSync('helm', ['version', '--short'], { encoding: 'utf8' });
describe.skipIf(helm.status !== 0)('Helm chart with the helm binary', () => {
  it('passes helm lint', () => {
    execFileSync('helm', ['lint', chartDir, '--strict'], { encoding: 'utf8' });
  });
  it.each(['values.yaml', ...ciFiles.map((f) => `ci/${f}`)])('renders with %s', (file) => {
    const out = execFileSync(
      'helm',
      ['template', 'raceway', chartDir, '-f', join(chartDir, file)],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toContain('kind: Service');
  });
});
