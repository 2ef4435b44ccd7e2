import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// Same as bin/raceway.js, but from the sources (no build needed).
const LAUNCHER = `import(${JSON.stringify(MAIN)}).then((m) => m.main(process.argv.slice(1))).then((c) => { process.exitCode = c; })`;

/** A `raceway serve` process, configured the way a Kubernetes pod is: through RACEWAY_* env. */
export interface ServeProcess {
  url: string;
  stop(): Promise<void>;
}

export function startServeProcess(env: Record<string, string>): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', LAUNCHER, 'serve'],
    {
      env: {
        ...process.env,
        RACEWAY_HOST: '127.0.0.1',
        RACEWAY_PORT: '0',
        RACEWAY_OTLP_HTTP_PORT: '0',
        RACEWAY_OTLP_GRPC: 'false',
        RACEWAY_LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /dashboard \+ API\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (match === null) return;
      child.stdout?.off('data', onData);
      resolve({
        url: match[1]!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`raceway serve exited (${code}): ${output}`)));
  });
}
