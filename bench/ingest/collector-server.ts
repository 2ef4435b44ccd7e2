// The collector under test, in its own process: memory store, real engine, OTLP off, logs off.
// With `--no-engine` the engine is replaced by the trace-counting stand-in, to isolate the ingest path.
// It runs the built collector (dist), as `npm start` does: code run through tsx pays for esbuild's
// keep-names helpers on every closure (~4 % of the engine's time); `npm run bench` builds first.
import { createApp } from '../../collector/dist/app.js';
import { TraceCountingAnalyzer } from '../../collector/dist/pipeline/trace-counting-analyzer.js';
import { nativeCollectorConfig } from '../native-collector-config.js';

const withoutEngine = process.argv.includes('--no-engine');

const app = createApp(nativeCollectorConfig(), {
  processMetrics: false,
  ...(withoutEngine ? { analyzer: new TraceCountingAnalyzer() } : {}),
});
const { apiUrl } = await app.start();
await app.ready();
process.stdout.write(`${JSON.stringify({ url: apiUrl })}\n`);
process.on('SIGTERM', () => {
  void app.shutdown().then(() => process.exit(0));
});

// The bench asks for this process's CPU time over IPC (robust to other load on the machine).
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  process.send?.(user + system);
});
