import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../collector-node-flags.js';

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `file` (next to this one) in its own Node process; resolves with the `{url}` line it prints. */
export function spawnBenchServer(file: string): Promise<BenchServer> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolve({
        url: (JSON.parse(line) as { url: string }).url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
