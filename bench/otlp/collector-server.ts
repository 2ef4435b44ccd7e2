// The collector under test, in its own process: memory store, real engine, OTLP/HTTP on an ephemeral port.
// Runs the built collector (dist), as `npm start` does; `npm run bench` builds first.
import { createApp } from '../../collector/dist/app.js';
import { defaultConfig } from '../../collector/dist/config/raceway-config.js';

const base = defaultConfig();
const app = createApp(
  {
    ...base,
    port: 0,
    logLevel: 'silent',
    otlpHttp: { enabled: true, host: '127.0.0.1', port: 0 },
    otlpGrpc: { enabled: false, host: '127.0.0.1', port: 0 },
  },
  { processMetrics: false },
);
const { otlpHttpUrl } = await app.start();
await app.ready();
process.stdout.write(`${JSON.stringify({ url: otlpHttpUrl })}\n`);
process.on('SIGTERM', () => {
  void app.shutdown().then(() => process.exit(0));
});
