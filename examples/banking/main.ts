/**
 * npm run example:banking -- [--collector URL] [--variant racy|locked] [--transport otlp-http|otlp-proto|otlp-grpc|native] [--transfers N]
 * Runs the banking example against a running collector and says where to look.
 * Exit codes: 0 done, 1 the telemetry did not reach the collector, 2 a bad argument.
 */
import { parseArgs } from 'node:util';
import { runBankingScenario, TelemetryNotDelivered } from './run-scenario.js';

const USAGE =
  'usage: npm run example:banking -- [--collector URL] [--variant racy|locked] ' +
  '[--transport otlp-http|otlp-proto|otlp-grpc|native] [--transfers N]';
const VARIANTS = ['racy', 'locked'] as const;
const TRANSPORTS = ['otlp-http', 'otlp-proto', 'otlp-grpc', 'native'] as const;

function usageError(message: string): never {
  console.error(`banking example: ${message}\n${USAGE}`);
  process.exit(2);
}

/** `value` when it is one of `allowed`, else a usage error naming the option and what it takes. */
function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return usageError(`--${option} must be ${allowed.join(' or ')}, not ${JSON.stringify(value)}`);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      collector: { type: 'string', default: process.env.RACEWAY_URL ?? 'http://127.0.0.1:8080' },
      variant: { type: 'string', default: 'racy' },
      transport: { type: 'string', default: 'otlp-http' },
      transfers: { type: 'string', default: '2' },
    },
  }));
} catch (err) {
  usageError(err instanceof Error ? err.message : String(err));
}
const variant = oneOf('variant', values.variant, VARIANTS);
const transport = oneOf('transport', values.transport, TRANSPORTS);
const transfers = Number(values.transfers);
if (!Number.isInteger(transfers) || transfers < 1)
  usageError(
    `--transfers must be a whole number of at least 1, not ${JSON.stringify(values.transfers)}`,
  );

try {
  const result = await runBankingScenario({
    collectorUrl: values.collector,
    variant,
    transport,
    transfers,
    ...(process.env.RACEWAY_API_KEY ? { apiKey: process.env.RACEWAY_API_KEY } : {}),
  });
  console.log(
    `${variant} run: alice ends with ${result.aliceBalance} (expected ${result.expectedBalance})`,
  );
  console.log(`Races across the transfers: ${values.collector}/api/distributed/global-races`);
  console.log(`Dashboard: ${values.collector}/`);
} catch (err) {
  if (!(err instanceof TelemetryNotDelivered)) throw err;
  console.error(`banking example: the ${variant} run's telemetry did not reach the collector:`);
  for (const failure of err.failures) console.error(`  ${failure}`);
  console.error(
    `Is the collector running there (npm start)? Point the example at it with --collector URL${
      transport === 'otlp-grpc' ? ' (gRPC goes to its port 4317, or RACEWAY_GRPC_URL)' : ''
    }.`,
  );
  process.exitCode = 1;
}
