import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./serve-banking-race.ts', import.meta.url));

/**
 * A real collector (startTestCollector, loaded with the banking race) in a child process, so a test can
 * kill it hard and start it again on the same port.
 */
export class CollectorProcess {
  private child: ChildProcess | undefined;
  url = '';

  async start(port = 0): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '' },
    });
    this.child = child;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = /^(http:\/\/\S+)\n/m.exec(out);
        if (line?.[1]) resolve(line[1]);
      });
      child.once('exit', (code) => reject(new Error(`collector exited (${code}): ${stderr}`)));
    });
    return this.url;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** SIGKILL: the server vanishes without closing anything, like a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
