import type { ApiClient } from '../../cli/commands/api-client.js';
import { backoffDelay } from './backoff.js';
import { SseParser } from './sse-parser.js';

/** The live feed's message types (`GET /api/stream`). */
export type LiveMessageType = 'trace' | 'race' | 'global_race' | 'anomaly';

export interface LiveMessage {
  type: LiveMessageType;
  data: unknown;
}

/** Connection state, for the status line. */
export type LiveState =
  | { kind: 'connecting' }
  | { kind: 'live'; reconnected: boolean }
  | { kind: 'reconnecting'; attempt: number; retryInMs: number; reason: string }
  | { kind: 'unauthorized'; retryInMs: number };

export interface LiveStreamOptions {
  client: Pick<ApiClient, 'url' | 'headers'>;
  onMessage(message: LiveMessage): void;
  onState(state: LiveState): void;
  fetch?: typeof fetch;
  /** Delay before reconnect attempt n (1-based). */
  backoff?: (attempt: number) => number;
  /** A connection silent for this long (no heartbeat) is considered dead. */
  idleTimeoutMs?: number;
}

const TYPES = new Set<string>(['trace', 'race', 'global_race', 'anomaly']);

/**
 * Follows `GET /api/stream` over fetch streaming: resumes with `Last-Event-ID` after a drop, reconnects with
 * exponential backoff, and reports its state. `stop()` ends it for good.
 */
export class LiveStream {
  private stopped = false;
  private lastEventId: string | undefined;
  private abort: AbortController | undefined;
  private wake: (() => void) | undefined;
  private readonly fetchFn: typeof fetch;
  private readonly backoff: (attempt: number) => number;
  private readonly idleTimeoutMs: number;

  constructor(private readonly options: LiveStreamOptions) {
    this.fetchFn = options.fetch ?? fetch;
    this.backoff = options.backoff ?? ((attempt) => backoffDelay(attempt));
    this.idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.wake?.();
  }

  private async run(): Promise<void> {
    let attempt = 0;
    let connectedBefore = false;
    this.options.onState({ kind: 'connecting' });
    while (!this.stopped) {
      let reason: string;
      try {
        const outcome = await this.connect(() => {
          this.options.onState({ kind: 'live', reconnected: connectedBefore });
          connectedBefore = true;
          attempt = 0;
        });
        if (outcome === 'unauthorized') {
          attempt++;
          const retryInMs = this.backoff(Math.max(attempt, 5));
          this.options.onState({ kind: 'unauthorized', retryInMs });
          await this.sleep(retryInMs);
          continue;
        }
        reason = outcome;
      } catch (err) {
        reason = describe(err);
      }
      if (this.stopped) break;
      attempt++;
      const retryInMs = this.backoff(attempt);
      this.options.onState({ kind: 'reconnecting', attempt, retryInMs, reason });
      await this.sleep(retryInMs);
    }
  }

  /** One connection; resolves when it ends, with why. */
  private async connect(onOpen: () => void): Promise<string> {
    const abort = new AbortController();
    this.abort = abort;
    const extra: Record<string, string> = { accept: 'text/event-stream' };
    if (this.lastEventId !== undefined) extra['last-event-id'] = this.lastEventId;
    const response = await this.fetchFn(this.options.client.url('/api/stream'), {
      headers: this.options.client.headers(extra),
      signal: abort.signal,
    });
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return 'unauthorized';
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return `HTTP ${response.status}`;
    }
    onOpen();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    let idle = setTimeout(() => abort.abort(), this.idleTimeoutMs);
    try {
      for (;;) {
        const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
        if (chunk.done || !chunk.value) return 'the server closed the stream';
        const value = chunk.value;
        clearTimeout(idle);
        idle = setTimeout(() => abort.abort(), this.idleTimeoutMs);
        for (const m of parser.feed(decoder.decode(value, { stream: true }))) {
          if (m.id !== undefined) this.lastEventId = m.id;
          if (!TYPES.has(m.event)) continue;
          this.options.onMessage({ type: m.event as LiveMessageType, data: parseData(m.data) });
        }
      }
    } finally {
      clearTimeout(idle);
      reader.releaseLock();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? err.cause.message : undefined;
    return cause ?? err.message;
  }
  return String(err);
}
