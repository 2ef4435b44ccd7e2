/**
 * The query subcommands as a real process (`raceway …` through cli/main.ts, as bin/raceway.js runs it):
 * what a shell script sees — exit codes, stdout that parses, messages on stderr.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import {
  BANKING_TRACE,
  bankingRaceBatch,
  postEvents,
  waitForTrace,
} from '../tui/banking-race-events.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// Same as bin/raceway.js, but from the sources (no build needed).
const LAUNCHER = `import(${JSON.stringify(MAIN)}).then((m) => m.main(process.argv.slice(1))).then((c) => { process.exitCode = c; })`;

function raceway(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', LAUNCHER, ...args], {
      env: { ...process.env, RACEWAY_URL: '', RACEWAY_API_KEY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let collector: TestCollector;
beforeAll(async () => {
  collector = await startTestCollector({ apiKeys: ['s3cret'] });
  await postEvents(collector.url, bankingRaceBatch(), 's3cret');
  await waitForTrace(collector.url, BANKING_TRACE, 8, 's3cret');
});
afterAll(() => collector.close());

describe('raceway as a process', () => {
  it('exits 0 and prints JSON that parses', async () => {
    const r = await raceway(['trace', '-i', BANKING_TRACE, '--json'], {
      RACEWAY_URL: collector.url,
      RACEWAY_API_KEY: 's3cret',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).analysis.potential_races).toBe(3);
  });

  it('exits 4 without the key, 3 for an unknown trace, 2 on a usage error, 1 when the server is down', async () => {
    const url = collector.url;
    expect((await raceway(['traces', '--server', url])).code).toBe(4);
    const missing = await raceway([
      'trace',
      '--server',
      url,
      '--api-key',
      's3cret',
      '-i',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^raceway: .*not found/im);
    expect((await raceway(['traces', '--server', url, '--page', 'zero'])).code).toBe(2);
    expect((await raceway(['traces', '--server', 'http://127.0.0.1:1'])).code).toBe(1);
  }, 60_000);
});

describe('raceway serve as a process', () => {
  it('keeps serving when nobody reads its output any more, and still stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        LAUNCHER,
        'serve',
        '--port',
        '0',
        '--no-otlp-http',
        '--no-otlp-grpc',
      ],
      { env: { ...process.env, RACEWAY_CONFIG: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Read up to the API URL, then stop reading, as `raceway serve | head` does.
    const url = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /dashboard \+ API +(http:\/\/\S+)\//.exec(out);
        if (m?.[1] && out.includes('ui-dir')) resolve(m[1]);
      });
    });
    child.stdout.destroy();
    const healthz = await fetch(`${url}/healthz`);
    expect(healthz.status).toBe(200);
    // Stopping logs a line to the closed pipe; the process must still finish.
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
