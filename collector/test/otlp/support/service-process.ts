import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../fixtures/otel-service.mjs', import.meta.url));

export type ExporterKind = 'http-json' | 'proto' | 'grpc';

/** One service of the test app in its own process (its own pid and OTel SDK), on an ephemeral port. */
export interface ServiceProcess {
  url: string;
  flush(): Promise<void>;
  stop(): void;
}

export function startService(
  name: string,
  exporter: ExporterKind,
  endpoint: string,
  downstream?: string,
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [SCRIPT, name, exporter, endpoint, ...(downstream ? [downstream] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /READY (\d+)/.exec(stdout);
      if (!m) return;
      const url = `http://127.0.0.1:${m[1]}`;
      resolve({
        url,
        async flush() {
          const res = await fetch(`${url}/flush`);
          if (!res.ok) throw new Error(`${name} flush failed: ${await res.text()} ${stderr}`);
        },
        stop: () => child.kill('SIGTERM'),
      });
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}): ${stderr}`)));
  });
}
