// The baseline, in its own process: an HTTP server that reads and decodes OTLP exports (protobuf or JSON,
// with the same decoders as the collector) and answers an empty ExportTraceServiceResponse. No conversion,
// no pipeline, no store, no analysis.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeTraceRequest,
  encodeTraceResponse,
  parseTraceRequestJson,
} from '../../proto/src/index.js';

const empty = Buffer.from(encodeTraceResponse());
let decodedSpans = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const json = req.headers['content-type'] === 'application/json';
    const request = json ? parseTraceRequestJson(body) : decodeTraceRequest(body);
    for (const rs of request.resourceSpans)
      for (const ss of rs.scopeSpans) decodedSpans += ss.spans.length;
    res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
    res.end(json ? '{}' : empty);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => {
  process.stderr.write(`decode-only: ${decodedSpans} spans decoded\n`);
  server.close(() => process.exit(0));
});
