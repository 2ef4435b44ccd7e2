import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../collector/src/config/load-config.js';
import { SETTINGS, envName } from '../../collector/src/config/settings.js';
import { parseEnv, parseDockerfile } from './dockerfile.js';
import { collectorContainers, deployDir, readManifests, yamlFilesUnder } from './manifests.js';

// Every RACEWAY_* variable the deploy files set must be one the collector reads, with a value it accepts:
// a misspelt name would be silently ignored (auth off, a listener left on) instead of failing.
const known = new Set([...SETTINGS.map((s) => envName(s.key)), 'RACEWAY_CONFIG']);

/** Stand-ins for what Secrets hold, so the parsed result can be checked too. */
const SECRET_VALUES: Record<string, string> = {
  RACEWAY_API_KEY: 'key-one,key-two',
  RACEWAY_DATABASE_URL: 'postgres://raceway:secret@db.observability:5432/raceway',
  RACEWAY_DATABASE_READ_URL: 'postgres://raceway:secret@db-replica.observability:5432/raceway',
};

function load(env: Record<string, string>) {
  return loadConfig({ flags: {}, env, cwd: tmpdir() }).config;
}

const containers = collectorContainers(yamlFilesUnder('k8s').flatMap(readManifests));

describe('environment of the collector in the deploy files', () => {
  it.each(containers.map((c) => [`${c.file} ${c.name}`, c] as const))(
    '%s sets only variables the collector reads, with valid values',
    (_label, { container }) => {
      const env: Record<string, string> = {};
      for (const e of container.env ?? []) {
        if (!e.name.startsWith('RACEWAY_')) continue;
        expect(known, `${e.name} is not a collector setting`).toContain(e.name);
        const value = e.value ?? SECRET_VALUES[e.name];
        expect(value, `${e.name} has no value`).toBeDefined();
        env[e.name] = value!;
      }
      const config = load(env);
      if (env.RACEWAY_API_KEY) expect(config.apiKeys).toEqual(['key-one', 'key-two']);
      if (env.RACEWAY_OTLP_GRPC === 'false') expect(config.otlpGrpc.enabled).toBe(false);
      if (env.RACEWAY_STORAGE === 'postgres')
        expect(config.databaseUrl).toBe(SECRET_VALUES.RACEWAY_DATABASE_URL);
    },
  );

  it('the image sets only variables the collector reads, and they load', () => {
    const text = readFileSync(join(deployDir, 'docker/Dockerfile'), 'utf8');
    const env: Record<string, string> = {};
    for (const stage of parseDockerfile(text))
      for (const i of stage.instructions) if (i.op === 'ENV') Object.assign(env, parseEnv(i.args));
    const raceway = Object.fromEntries(
      Object.entries(env).filter(([k]) => k.startsWith('RACEWAY_')),
    );
    for (const name of Object.keys(raceway)) expect(known, name).toContain(name);
    expect(load(raceway).host).toBe('0.0.0.0');
  });

  it('the Helm chart templates set only variables the collector reads', () => {
    const dir = join(deployDir, 'helm/raceway/templates');
    const names = readdirSync(dir).flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/name: (RACEWAY_[A-Z_]+)/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(known, name).toContain(name);
  });
});
