/**
 * Starts a real collector on 127.0.0.1:PORT (argv[2], 0 = any) loaded with the banking race, prints its URL,
 * and runs until killed. Used by the tmux end-to-end test (which kills and restarts it) and by hand:
 *   npx tsx collector/test/tui/serve-banking-race.ts 8080 [--empty] [--api-key KEY]
 */
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import {
  BANKING_TRACE,
  bankingRaceBatch,
  postEvents,
  waitForTrace,
} from './banking-race-events.js';

const port = Number(process.argv[2] ?? 0);
const empty = process.argv.includes('--empty');
const keyIndex = process.argv.indexOf('--api-key');
const apiKey = keyIndex > 0 ? process.argv[keyIndex + 1] : undefined;

const collector = await startTestCollector({ port, ...(apiKey ? { apiKeys: [apiKey] } : {}) });
if (!empty) {
  await postEvents(collector.url, bankingRaceBatch(), apiKey);
  await waitForTrace(collector.url, BANKING_TRACE, 8, apiKey);
}
process.stdout.write(`${collector.url}\n`);
const stop = (): void => {
  void collector.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
