/**
 * npm run example:banking -- [--collector URL] [--variant racy|locked] [--transport otlp-http|otlp-proto|otlp-grpc|native]
 * Runs the banking example against a running collector and says where to look.
 */
import { parseArgs } from 'node:util';
import { runBankingScenario } from './run-scenario.js';

const { values } = parseArgs({
  options: {
    collector: { type: 'string', default: process.env.RACEWAY_URL ?? 'http://127.0.0.1:8080' },
    variant: { type: 'string', default: 'racy' },
    transport: { type: 'string', default: 'otlp-http' },
    transfers: { type: 'string', default: '2' },
  },
});
const variant = values.variant === 'locked' ? 'locked' : 'racy';
const result = await runBankingScenario({
  collectorUrl: values.collector,
  variant,
  transport: values.transport as 'otlp-http' | 'otlp-proto' | 'otlp-grpc' | 'native',
  transfers: Number(values.transfers),
  ...(process.env.RACEWAY_API_KEY ? { apiKey: process.env.RACEWAY_API_KEY } : {}),
});
console.log(
  `${variant} run: alice ends with ${result.aliceBalance} (expected ${result.expectedBalance})`,
);
console.log(`Races across the transfers: ${values.collector}/api/distributed/global-races`);
console.log(`Dashboard: ${values.collector}/`);
