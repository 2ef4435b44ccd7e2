import type { WireEvent } from './native-event.js';

export interface NativeTransportOptions {
  /** Collector base URL; batches go to `${url}/events`. */
  url: string;
  apiKey?: string | undefined;
  /** Events held at most; when full the oldest are dropped (counted, one warning). */
  maxBuffer: number;
  batchSize: number;
  flushIntervalMs: number;
  warn: (message: string) => void;
  fetch?: typeof fetch;
}

const MAX_BACKOFF_MS = 30_000;
/** A collector that takes a request and never answers must not hold the buffer (or shutdown) forever. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Batches native events to `POST /events`. Unlike the old TS SDK (spec §10.4) the buffer is bounded,
 * retries back off and honour `Retry-After`, the timer never keeps the process alive, and `shutdown()`
 * really waits for the last flush.
 */
export class NativeTransport {
  private buffer: WireEvent[] = [];
  private inFlight: Promise<void> | undefined;
  private retryAt = 0;
  private backoffMs = 0;
  private warnedFull = false;
  private readonly timer: NodeJS.Timeout;
  /** Aborted when shutdown's deadline passes, cutting a request still waiting for its answer. */
  private readonly stopping = new AbortController();
  private readonly fetchFn: typeof fetch;
  /** Events dropped because the buffer was full. */
  dropped = 0;
  /** Events the collector acknowledged. */
  sent = 0;

  constructor(private readonly options: NativeTransportOptions) {
    this.fetchFn = options.fetch ?? fetch;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs);
    this.timer.unref();
  }

  enqueue(event: WireEvent): void {
    this.buffer.push(event);
    this.trim();
    if (this.buffer.length >= this.options.batchSize) void this.flush();
  }

  get buffered(): number {
    return this.buffer.length;
  }

  /** Sends what is buffered; one flush at a time, later callers share it. Never rejects. */
  flush(): Promise<void> {
    this.inFlight ??= this.drain().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Flushes until empty or `timeoutMs` passes, then stops the timer. */
  async shutdown(timeoutMs = 5_000): Promise<void> {
    clearInterval(this.timer);
    const deadline = Date.now() + timeoutMs;
    const cut = setTimeout(() => this.stopping.abort(), timeoutMs);
    cut.unref();
    try {
      while (this.buffer.length > 0 && Date.now() < deadline) {
        this.retryAt = Math.min(this.retryAt, Date.now() + Math.max(0, deadline - Date.now()));
        await this.flush();
        // A timer that keeps the process alive: a caller awaiting shutdown may have nothing else
        // left, and Node would exit mid-wait with the events unsent.
        if (this.buffer.length > 0)
          await new Promise((r) =>
            setTimeout(r, Math.min(100, Math.max(0, deadline - Date.now()))),
          );
      }
    } finally {
      clearTimeout(cut);
    }
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0 && Date.now() >= this.retryAt) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      const outcome = await this.send(batch);
      if (outcome.ok) {
        this.sent += batch.length;
        this.backoffMs = 0;
        continue;
      }
      // Put the batch back in front, then wait: the collector is idempotent by event id.
      this.buffer.unshift(...batch);
      this.trim();
      this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs === 0 ? 250 : this.backoffMs * 2);
      this.retryAt = Date.now() + (outcome.retryAfterMs ?? this.backoffMs);
      return;
    }
  }

  private async send(batch: WireEvent[]): Promise<{ ok: boolean; retryAfterMs?: number }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-raceway-internal': 'true',
    };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    try {
      const res = await this.fetchFn(`${this.options.url.replace(/\/+$/, '')}/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ events: batch }),
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      await res.arrayBuffer();
      if (res.ok) return { ok: true };
      if (res.status === 400 || res.status === 422) {
        // Permanently invalid: resending cannot help, and keeping it would block every later event.
        this.options.warn(
          `raceway: the collector rejected a batch of ${batch.length} events (HTTP ${res.status})`,
        );
        return { ok: true };
      }
      const retryAfter = Number(res.headers.get('retry-after'));
      return Number.isFinite(retryAfter) && retryAfter > 0
        ? { ok: false, retryAfterMs: retryAfter * 1000 }
        : { ok: false };
    } catch {
      return { ok: false };
    }
  }

  private trim(): void {
    const excess = this.buffer.length - this.options.maxBuffer;
    if (excess <= 0) return;
    this.buffer.splice(0, excess);
    this.dropped += excess;
    if (!this.warnedFull) {
      this.warnedFull = true;
      this.options.warn(
        `raceway: event buffer full (${this.options.maxBuffer}); dropping the oldest events until the collector catches up`,
      );
    }
  }
}
