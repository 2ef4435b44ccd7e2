import { createContext, useContext, useEffect, useRef } from 'react';
import type { LiveMessage } from './live-stream.js';

/** Fans live messages out to the views that care (the trace list, the open trace, the dashboard). */
export class LiveBus {
  private readonly listeners = new Set<(m: LiveMessage) => void>();

  emit(message: LiveMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  on(listener: (m: LiveMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const LiveBusContext = createContext(new LiveBus());

/** Calls the latest `handler` for each live message while the component is mounted. */
export function useLiveMessages(handler: (m: LiveMessage) => void): void {
  const bus = useContext(LiveBusContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => bus.on((m) => latest.current(m)), [bus]);
}
