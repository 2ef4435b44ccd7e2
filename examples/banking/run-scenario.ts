import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface ScenarioOptions {
  collectorUrl: string;
  variant: 'racy' | 'locked';
  transport?: 'otlp-http' | 'otlp-proto' | 'otlp-grpc' | 'native';
  /** OTLP/gRPC endpoint for `otlp-grpc` (default: the collector host on 4317). */
  grpcUrl?: string;
  apiKey?: string;
  transfers?: number;
}

export interface ScenarioResult {
  /** Final balance of alice; with no lost update it is 1000 − transfers × 100. */
  aliceBalance: number;
  expectedBalance: number;
  transferIds: string[];
}

const serviceFile = fileURLToPath(new URL('./service.ts', import.meta.url));

/**
 * Starts the ledger and the banking API as two processes exporting to the collector, fires concurrent
 * transfers from alice to bob, stops both services (which flushes their telemetry) and reports the
 * business symptom: the final balance.
 */
export async function runBankingScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const env = {
    ...process.env,
    RACEWAY_URL: options.collectorUrl,
    RACEWAY_TRANSPORT: options.transport ?? 'otlp-http',
    VARIANT: options.variant,
    ...(options.apiKey ? { RACEWAY_API_KEY: options.apiKey } : {}),
    ...(options.grpcUrl ? { RACEWAY_GRPC_URL: options.grpcUrl } : {}),
  };
  const ledger = await startService({ ...env, SERVICE: 'ledger' });
  const api = await startService({
    ...env,
    SERVICE: 'banking-api',
    LEDGER_URL: `http://127.0.0.1:${ledger.port}`,
  });
  try {
    const transfers = options.transfers ?? 2;
    const transferIds = Array.from({ length: transfers }, () => randomUUID());
    await Promise.all(
      transferIds.map((id) =>
        fetch(`http://127.0.0.1:${api.port}/transfer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id, from: 'alice', to: 'bob', amount: 100 }),
        }).then((r) => r.json()),
      ),
    );
    const balances = (await (await fetch(`http://127.0.0.1:${api.port}/balances`)).json()) as {
      alice: number;
    };
    return { aliceBalance: balances.alice, expectedBalance: 1000 - transfers * 100, transferIds };
  } finally {
    await Promise.all([stop(api.child), stop(ledger.child)]);
  }
}

async function startService(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serviceFile], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /ready (\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`${env.SERVICE} exited with ${code}: ${output}`)),
    );
  });
  return { child, port };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
