import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('./serve-logger.ts', import.meta.url));

const children: ChildProcess[] = [];
// A child that hangs (the bug this guards against) must not outlive its test.
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs `body` in a child whose stdout nobody reads (closed at once); resolves with its exit code. */
function withClosedStdout(body: string): Promise<number | null> {
  const script = `import(${JSON.stringify(MODULE)}).then(({ serveLogger }) => { ${body} });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  child.stdout.destroy();
  return new Promise((resolve) => child.on('close', resolve));
}

/** Runs `body` in a child and resolves with what it wrote to stdout. */
function stdoutOf(body: string): Promise<string> {
  const script = `import(${JSON.stringify(MODULE)}).then(({ serveLogger }) => { ${body} });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('close', () => resolve(out)));
}

describe('serveLogger', () => {
  it('holds what is logged before release, so the start banner comes first', async () => {
    const out = await stdoutOf(
      "const { logger, release } = serveLogger('info'); logger.info('replayed'); " +
        "console.log('Raceway collector listening'); release(); release(); logger.info('stopping');",
    );
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('Raceway collector listening');
    expect(lines.slice(1).map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'replayed',
      'stopping',
    ]);
  });

  it('drops lines nobody reads (EPIPE) and lets the process exit, even with a line just written', async () => {
    // pino's default destination retried the broken pipe forever in its exit flush: this never ended.
    expect(
      await withClosedStdout(
        "const { logger: log, release } = serveLogger('info'); release(); log.info('one'); log.error('two'); process.exit(0);",
      ),
    ).toBe(0);
  });

  it('keeps the process alive after a dropped line', async () => {
    expect(
      await withClosedStdout(
        "const { logger: log, release } = serveLogger('info'); log.info('one'); release(); setTimeout(() => { log.info('two'); process.exit(3); }, 50);",
      ),
    ).toBe(3);
  });
});
