// The OTLP receiver alone, in its own process: the collector's handler (decode, convert to Raceway events)
// behind node:http, handing events to a sink that drops them. Isolates the receiver's cost from the
// pipeline, store and engine.
// Runs the built collector (dist), as `npm start` does; `npm run bench` builds first.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createOtlpHttpHandler } from '../../collector/dist/ingest/otlp/create-otlp-http-handler.js';
import { CollectorMetrics } from '../../collector/dist/metrics/collector-metrics.js';

const handle = createOtlpHttpHandler({
  sink: { submit: (events) => Promise.resolve({ inserted: events.length, duplicates: 0 }) },
  metrics: new CollectorMetrics({ processMetrics: false }),
  logger: pino({ level: 'silent' }),
});
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const contentType = req.headers['content-type'] ?? '';
    void handle({ signal: 'traces', contentType, body: Buffer.concat(chunks) }).then((answer) => {
      res.writeHead(answer.status, { 'content-type': answer.contentType });
      res.end(answer.body);
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
