import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  pid: number;
  /** CPU time (user + system, µs) the server process has used so far. */
  cpuUs(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `file` (next to this one) in its own Node process and waits for the `{url}` line it prints. */
export async function spawnServer(
  file: string,
  nodeFlags: readonly string[] = [],
  args: readonly string[] = [],
): Promise<ServerProcess> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path, ...args], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await firstLine(child);
  return {
    url,
    pid: child.pid!,
    cpuUs: () =>
      new Promise((resolve) => {
        child.once('message', (used) => resolve(used as number));
        child.send('cpu');
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
}
