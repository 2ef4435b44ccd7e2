import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WireEvent } from '../native-event.js';

export interface CapturedRequest {
  headers: IncomingHttpHeaders;
  events: WireEvent[];
}

/**
 * A stand-in collector for transport tests: records every `POST /events` batch and can answer a given
 * number of requests with a status (e.g. 503 + Retry-After) before accepting. Loopback, ephemeral port.
 */
export class CaptureCollector {
  readonly requests: CapturedRequest[] = [];
  private failures: Array<{ status: number; retryAfter?: number }> = [];
  private server: Server | undefined;
  url = '';

  failNext(count: number, status: number, retryAfter?: number): void {
    for (let i = 0; i < count; i++)
      this.failures.push(retryAfter === undefined ? { status } : { status, retryAfter });
  }

  get events(): WireEvent[] {
    return this.requests.flatMap((r) => r.events);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const failure = this.failures.shift();
        if (failure) {
          res.writeHead(failure.status, {
            'content-type': 'application/json',
            ...(failure.retryAfter === undefined
              ? {}
              : { 'retry-after': String(failure.retryAfter) }),
          });
          res.end(JSON.stringify({ success: false, data: null, error: 'busy' }));
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: WireEvent[] };
        this.requests.push({ headers: req.headers, events: body.events });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            success: true,
            data: `Ingested ${body.events.length} events`,
            error: null,
          }),
        );
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}

/** Polls `check` until it holds (event delivery is asynchronous); fails after `tries` polls. */
export async function eventually(check: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition never held');
}
