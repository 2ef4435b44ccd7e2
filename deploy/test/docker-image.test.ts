import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayDockerfile, type ReplayResult } from './dockerfile.js';
import { deployDir } from './manifests.js';

// No Docker engine runs here, so this replays deploy/docker/Dockerfile step by step on a clean copy of
// the repository (same install and build commands, same CMD) and checks what the container would serve.
const repoRoot = join(deployDir, '..');
const dockerfile = join(deployDir, 'docker/Dockerfile');
const ignorePatterns = readFileSync(join(deployDir, 'docker/Dockerfile.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map(globToRegExp);

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('/')
    .map((part) =>
      part === '**'
        ? '(?:.*/)?'
        : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '/',
    )
    .join('')
    .replace(/\/$/, '');
  return new RegExp(`^${body}(?:/.*)?$`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealthy(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null)
      throw new Error(`collector exited ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`collector never became healthy:\n${output()}`);
}

describe('container image (Dockerfile replayed without Docker)', () => {
  const workRoot = mkdtempSync(join(tmpdir(), 'raceway-image-'));
  let image: ReplayResult;
  let child: ChildProcess;
  let log = '';
  const ports = { api: 0, otlpHttp: 0, otlpGrpc: 0 };

  beforeAll(async () => {
    image = replayDockerfile({
      context: repoRoot,
      dockerfile,
      workRoot,
      ignore: (rel) => (rel === '' ? false : ignorePatterns.some((re) => re.test(rel))),
    });
    ports.api = await freePort();
    ports.otlpHttp = await freePort();
    ports.otlpGrpc = await freePort();
    const [command, ...args] = image.cmd;
    child = spawn(command!, args, {
      cwd: image.workdir,
      env: {
        PATH: process.env.PATH,
        ...image.env,
        // The image binds 0.0.0.0; on this shared machine the test keeps to loopback.
        RACEWAY_HOST: '127.0.0.1',
        RACEWAY_PORT: String(ports.api),
        RACEWAY_OTLP_HTTP_HOST: '127.0.0.1',
        RACEWAY_OTLP_HTTP_PORT: String(ports.otlpHttp),
        RACEWAY_OTLP_GRPC_HOST: '127.0.0.1',
        RACEWAY_OTLP_GRPC_PORT: String(ports.otlpGrpc),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await waitForHealthy(`http://127.0.0.1:${ports.api}/healthz`, child, () => log);
  }, 900_000);

  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(workRoot, { recursive: true, force: true });
  });

  it('runs as a non-root user, listens on every interface by default and exposes the three ports', () => {
    expect(image.user).toBe('node');
    expect(image.env.RACEWAY_HOST).toBe('0.0.0.0');
    expect(image.exposed).toEqual([8080, 4318, 4317]);
  });

  it('ships production dependencies and build output only', () => {
    const modules = join(image.workdir, 'node_modules');
    expect(existsSync(join(modules, 'koa'))).toBe(true);
    for (const dev of ['typescript', 'vitest', 'eslint', 'vite'])
      expect(existsSync(join(modules, dev)), dev).toBe(false);
    expect(existsSync(join(image.workdir, 'collector/src'))).toBe(false);
    expect(existsSync(join(image.workdir, 'ui/dist/index.html'))).toBe(true);
  });

  it('passes its own HEALTHCHECK', () => {
    const [command, ...args] = image.healthcheck!;
    const result = spawnSync(command!, args, {
      env: { ...process.env, RACEWAY_PORT: String(ports.api) },
    });
    expect(result.status).toBe(0);
  });

  it('accepts a native Raceway SDK batch on /events', async () => {
    const res = await fetch(`http://127.0.0.1:${ports.api}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: '5d3c5a04-2f0e-4f5e-9a53-0c1b2e3d4f50',
            trace_id: '9b1e7c2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
            parent_id: null,
            timestamp: '2026-11-24T16:53:29.453307Z',
            kind: {
              HttpRequest: { method: 'POST', url: '/api/transfer', headers: {}, body: null },
            },
            metadata: {
              thread_id: 'node-1-abcd',
              process_id: 1,
              service_name: 'banking-api',
              environment: 'test',
              tags: {},
              duration_ns: null,
            },
            causality_vector: [],
            lock_set: [],
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, data: 'Ingested 1 events', error: null });
  });

  it('accepts an OTLP/HTTP JSON export on the OTLP port', async () => {
    const res = await fetch(`http://127.0.0.1:${ports.otlpHttp}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: '5b8efff798038103d269b633813fc60c',
                    spanId: 'eee19b7ec3c1b174',
                    name: 'GET /cart',
                    kind: 2,
                    startTimeUnixNano: '1764175200000000000',
                    endTimeUnixNano: '1764175200012000000',
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
  });
});
