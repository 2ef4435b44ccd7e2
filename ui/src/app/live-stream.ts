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

/**
 * Keeps the dashboard live: each stream message marks the matching cached queries stale, and TanStack
 * Query refetches what is on screen. Invalidations are coalesced (one refetch per burst of ingest).
 */
export function useLiveStream(apiKeyVersion: number): StreamActivity {
  const client = useQueryClient();
  const [activity, setActivity] = useState<StreamActivity>({ status: 'connecting', received: 0 });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    const pendingTraces = new Set<string>();
    let pendingList = false;
    let pendingSystem = false;
    let closed = false;

    const scheduleFlush = () => {
      flush ??= setTimeout(() => {
        flush = undefined;
        if (pendingList) void client.invalidateQueries({ queryKey: keys.traces });
        if (pendingSystem) void client.invalidateQueries({ queryKey: keys.system });
        for (const id of pendingTraces) void client.invalidateQueries({ queryKey: keys.trace(id) });
        pendingTraces.clear();
        pendingList = false;
        pendingSystem = false;
      }, 500);
    };
    const onMessage = (kind: string) => (message: MessageEvent<string>) => {
      setActivity((a) => ({ ...a, received: a.received + 1 }));
      const traceId = traceIdOf(message.data);
      if (traceId) pendingTraces.add(traceId);
      if (kind === 'trace' || kind === 'race') pendingList = true;
      pendingSystem = true;
      scheduleFlush();
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
      clearTimeout(flush);
    };
  }, [client, apiKeyVersion]);
  return activity;
}
