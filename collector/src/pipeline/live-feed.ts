import type { AnalysisUpdate } from '../engine/analyzer.js';

/** One message of the live stream (`GET /api/stream`); `id` is the SSE id used by `Last-Event-ID`. */
export interface FeedMessage {
  id: number;
  type: 'trace' | 'race' | 'global_race' | 'anomaly';
  data: unknown;
}

export type FeedListener = (message: FeedMessage) => void;

/**
 * Fan-out of analysis updates to live subscribers, with a bounded backlog so that a client reconnecting
 * with `Last-Event-ID` gets what it missed (or everything still held, when it was away too long).
 */
export class LiveFeed {
  private readonly backlog: FeedMessage[] = [];
  private readonly listeners = new Set<FeedListener>();
  private nextId = 1;

  constructor(private readonly backlogSize = 1000) {}

  publish(update: AnalysisUpdate): void {
    for (const t of update.traces) this.emit('trace', t);
    for (const r of update.races) this.emit('race', r);
    for (const g of update.globalRaces) this.emit('global_race', g);
    for (const a of update.anomalies) this.emit('anomaly', a);
  }

  /** Replays messages after `afterId` (when given), then delivers new ones; returns the unsubscribe. */
  subscribe(listener: FeedListener, afterId?: number): () => void {
    if (afterId !== undefined) for (const m of this.backlog) if (m.id > afterId) listener(m);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private emit(type: FeedMessage['type'], data: unknown): void {
    const message: FeedMessage = { id: this.nextId++, type, data };
    this.backlog.push(message);
    if (this.backlog.length > this.backlogSize) this.backlog.shift();
    for (const listener of this.listeners) listener(message);
  }
}
