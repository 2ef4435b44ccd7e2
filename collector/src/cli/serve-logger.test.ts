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

describe('serveLogger', () => {
  it('drops lines nobody reads (EPIPE) and lets the process exit, even with a line just written', async () => {
    // pino's default destination retried the broken pipe forever in its exit flush: this never ended.
    expect(
      await withClosedStdout(
        "const log = serveLogger('info'); log.info('one'); log.error('two'); process.exit(0);",
      ),
    ).toBe(0);
  });

  it('keeps the process alive after a dropped line', async () => {
    expect(
      await withClosedStdout(
        "const log = serveLogger('info'); log.info('one'); setTimeout(() => { log.info('two'); process.exit(3); }, 50);",
      ),
    ).toBe(3);
  });
});
