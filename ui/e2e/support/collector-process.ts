import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const uiRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = join(uiRoot, '..');
export const uiDist = join(uiRoot, 'dist');

/** Builds the dashboard when `ui/dist` is missing (a fresh clone), so the tests need no manual step. */
export function ensureUiBuilt(): void {
  if (existsSync(join(uiDist, 'index.html'))) return;
  const result = spawnSync('npx', ['vite', 'build'], { cwd: uiRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningCollector {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the real collector as a child process (`raceway serve`) serving the built dashboard. */
export async function startCollector(extraArgs: string[] = []): Promise<RunningCollector> {
  const cli = join(repoRoot, 'collector', 'bin', 'raceway.js');
  if (!existsSync(join(repoRoot, 'collector', 'dist', 'cli', 'main.js'))) {
    throw new Error('collector is not built: run `npm run build` at the repository root first');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--ui-dir',
      uiDist,
      '--no-otlp-http',
      '--no-otlp-grpc',
      '--log-level',
      'warn',
      ...extraArgs,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`collector exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error(`collector did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
