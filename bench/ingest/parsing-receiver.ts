// A bare `node:http` receiver for the baselines: reads the body, `JSON.parse`s it, hands the events to
// `onEvents` and answers what the collector answers. Nothing else, so the baselines differ only in
// what they do with the parsed events.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export function serveParsingReceiver(onEvents: (events: unknown[]) => void): void {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: unknown[] };
      onEvents(body.events);
      const answer = JSON.stringify({
        success: true,
        data: `Ingested ${body.events.length} events`,
        error: null,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));

  // The bench asks for this process's CPU time over IPC (robust to other load on the machine).
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.(user + system);
  });
}
