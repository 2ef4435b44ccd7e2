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

/**
 * The services ran, but some of their telemetry did not reach the collector: whatever it shows of this
 * run is incomplete. `failures` has one line per service, `result` what the run did anyway.
 */
export class TelemetryNotDelivered extends Error {
  constructor(
    readonly failures: string[],
    readonly result: ScenarioResult,
  ) {
    super(`telemetry did not reach the collector: ${failures.join('; ')}`);
    this.name = 'TelemetryNotDelivered';
  }
}

const serviceFile = fileURLToPath(new URL('./service.ts', import.meta.url));

interface RunningService {
  name: string;
  child: ChildProcess;
  port: number;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
}

/**
 * Starts the ledger and the banking API as two processes exporting to the collector, fires concurrent
 * transfers from alice to bob, stops both services (which flushes their telemetry) and reports the
 * business symptom: the final balance. Rejects with {@link TelemetryNotDelivered} when a service could
 * not export its telemetry (no collector there, a wrong key), as it says when it stops.
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
  let result: ScenarioResult;
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
    result = { aliceBalance: balances.alice, expectedBalance: 1000 - transfers * 100, transferIds };
  } finally {
    await Promise.all([stop(api), stop(ledger)]);
  }
  const failures = [api, ledger]
    .filter((s) => s.child.exitCode !== 0)
    .map((s) => `${s.name}: ${lastLine(s.output()) || `exited with ${s.child.exitCode}`}`);
  if (failures.length > 0) throw new TelemetryNotDelivered(failures, result);
  return result;
}

async function startService(env: NodeJS.ProcessEnv): Promise<RunningService> {
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
  return { name: env.SERVICE ?? 'service', child, port, output: () => output };
}

/** Stops a service; it flushes its telemetry and exits non-zero, saying why, when that failed. */
function stop({ child }: RunningService): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
