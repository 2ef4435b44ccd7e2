import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { readApiKey } from '../api/api-key-store';
import { keys } from '../api/queries';

export type StreamStatus = 'connecting' | 'open' | 'error';

export interface StreamActivity {
  status: StreamStatus;
  /** Messages received since the page loaded. */
  received: number;
}

/** Path of the SSE stream. EventSource cannot set headers, so the key goes in the query (the only place). */
export function streamUrl(apiKey: string | null): string {
  return apiKey ? `/api/stream?api_key=${encodeURIComponent(apiKey)}` : '/api/stream';
}

function traceIdOf(data: string): string | undefined {
  try {
    const parsed = JSON.parse(data) as { trace_id?: unknown; trace1_id?: unknown };
    return typeof parsed.trace_id === 'string' ? parsed.trace_id : undefined;
  } catch {
    return undefined;
  }
}

/** Cross-trace views (insights, services) are computed over everything the collector holds. */
export const SYSTEM_REFRESH_MS = 5000;
/** Trace lists and open traces: one refetch per burst of ingest. */
export const TRACE_REFRESH_MS = 500;

export interface PendingRefresh {
  list: boolean;
  system: boolean;
  traces: string[];
}

/**
 * Coalesces stream messages into invalidations: lists and traces at most every
 * {@link TRACE_REFRESH_MS}, the cross-trace views at most every {@link SYSTEM_REFRESH_MS}. Those views
 * cost the collector work in proportion to all it holds (a global sweep, every event of a service), so
 * refetching them twice a second under steady ingest would keep a core busy for one open tab.
 */
export class LiveRefresh {
  private readonly traces = new Set<string>();
  private list = false;
  private system = false;
  private lastSystemMs = -Infinity;
  private traceTimer: ReturnType<typeof setTimeout> | undefined;
  private systemTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly apply: (refresh: PendingRefresh) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** A stream message of `kind`, about `traceId` when it names one. */
  note(kind: string, traceId: string | undefined): void {
    if (traceId) this.traces.add(traceId);
    if (kind === 'trace' || kind === 'race') this.list = true;
    this.system = true;
    this.traceTimer ??= setTimeout(() => {
      this.traceTimer = undefined;
      this.flush();
    }, TRACE_REFRESH_MS);
  }

  stop(): void {
    clearTimeout(this.traceTimer);
    clearTimeout(this.systemTimer);
    this.traceTimer = this.systemTimer = undefined;
  }

  private flush(): void {
    const now = this.now();
    const system = this.system && now - this.lastSystemMs >= SYSTEM_REFRESH_MS;
    if (system) {
      this.system = false;
      this.lastSystemMs = now;
    }
    const refresh = { list: this.list, system, traces: [...this.traces] };
    this.list = false;
    this.traces.clear();
    if (refresh.list || refresh.system || refresh.traces.length > 0) this.apply(refresh);
    // Cross-trace views still owe a refresh: come back when their interval has passed.
    if (this.system)
      this.systemTimer ??= setTimeout(
        () => {
          this.systemTimer = undefined;
          this.flush();
        },
        this.lastSystemMs + SYSTEM_REFRESH_MS - now,
      );
  }
}

/**
 * Keeps the dashboard live: stream messages mark the matching cached queries stale (see
 * {@link LiveRefresh} for how often), and TanStack Query refetches what is on screen.
 */
export function useLiveStream(apiKeyVersion: number): StreamActivity {
  const client = useQueryClient();
  const [activity, setActivity] = useState<StreamActivity>({ status: 'connecting', received: 0 });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const refresh = new LiveRefresh(({ list, system, traces }) => {
      if (list) void client.invalidateQueries({ queryKey: keys.traces });
      if (system) void client.invalidateQueries({ queryKey: keys.system });
      for (const id of traces) void client.invalidateQueries({ queryKey: keys.trace(id) });
    });
    const onMessage = (kind: string) => (message: MessageEvent<string>) => {
      setActivity((a) => ({ ...a, received: a.received + 1 }));
      refresh.note(kind, traceIdOf(message.data));
    };
    const connect = () => {
      setActivity((a) => ({ ...a, status: 'connecting' }));
      source = new EventSource(streamUrl(readApiKey()));
      source.onopen = () => setActivity((a) => ({ ...a, status: 'open' }));
      source.onerror = () => {
        setActivity((a) => ({ ...a, status: 'error' }));
        // EventSource retries dropped connections itself, but gives up on an HTTP error (e.g. 401).
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close();
          retry = setTimeout(connect, 5000);
        }
      };
      for (const kind of ['trace', 'race', 'global_race', 'anomaly']) {
        source.addEventListener(kind, onMessage(kind) as EventListener);
      }
    };
    connect();
    return () => {
      closed = true;
      source?.close();
      clearTimeout(retry);
      refresh.stop();
    };
  }, [client, apiKeyVersion]);
  return activity;
}
