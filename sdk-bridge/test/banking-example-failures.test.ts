import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBankingScenario, TelemetryNotDelivered } from '../../examples/banking/run-scenario.js';

const MAIN = fileURLToPath(new URL('../../examples/banking/main.ts', import.meta.url));

/** `npm run example:banking -- …` as a process: exit code and what it printed. */
function example(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, RACEWAY_API_KEY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A local URL where nothing listens (a port bound, then released). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('the banking example', () => {
  it.each([
    [['--variant', 'racey'], '--variant must be racy or locked, not "racey"'],
    [['--transport', 'carrier-pigeon'], '--transport must be otlp-http or otlp-proto or'],
    [['--transfers', 'two'], '--transfers must be a whole number of at least 1, not "two"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with exit 2 and runs nothing', async (args, message) => {
    const run = await example(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`banking example: ${message}`);
    expect(run.stdout).toBe('');
  });

  it('says the telemetry did not arrive, and exits 1, when no collector listens', async () => {
    const url = await deadUrl();
    const run = await example(['--collector', url, '--transport', 'otlp-grpc'], {
      RACEWAY_GRPC_URL: url,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('racy run:');
    expect(run.stderr).toContain("the racy run's telemetry did not reach the collector");
    expect(run.stderr).toMatch(
      /ledger: telemetry to .* \(otlp-grpc\) not delivered: .*ECONNREFUSED/,
    );
  });

  it('rejects when OTLP/gRPC exports go to a port where nothing listens', async () => {
    const url = await deadUrl();
    const run = runBankingScenario({
      collectorUrl: url,
      grpcUrl: url,
      variant: 'racy',
      transport: 'otlp-grpc',
    });
    const error = await run.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(TelemetryNotDelivered);
    const { failures, result } = error as TelemetryNotDelivered;
    expect(failures).toHaveLength(2);
    for (const failure of failures)
      expect(failure).toMatch(/\(otlp-grpc\) not delivered: 14 UNAVAILABLE/);
    expect(result.expectedBalance).toBe(800);
  });
});
