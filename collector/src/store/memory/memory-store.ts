import type { Clock } from '../../model/clock.js';
import type { StoredEvent } from '../../model/stored-event.js';
import type {
  Page,
  RetentionPolicy,
  RetentionResult,
  Store,
  StoreStats,
  TraceQuery,
  TraceSummary,
} from '../store.js';
import { estimateEventBytes } from './estimate-bytes.js';
import { TraceRecord } from './trace-record.js';

export interface MemoryStoreOptions {
  /** Time of appends, for age-based retention. */
  clock: Clock;
}

/**
 * The default {@link Store}: everything in process memory, bounded by retention (spec §5.2 kept nothing
 * bounded; DESIGN.md "Storage"). Traces live in a Map kept in last-activity order (a trace is moved to the
 * end on every append), so the least recently active trace is always first: eviction is O(evicted), and
 * "newest first" lists are that order reversed.
 */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly events = new Map<string, StoredEvent>();
  private readonly traces = new Map<string, TraceRecord>();
  private readonly tracesByService = new Map<string, Set<string>>();
  private bytes = 0;
  private highestSeq = 0;

  constructor(private readonly options: MemoryStoreOptions) {}

  start(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  append(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    const nowMs = this.options.clock.now();
    const inserted: StoredEvent[] = [];
    let record: TraceRecord | undefined;
    for (const event of events) {
      if (this.events.has(event.id)) continue;
      this.events.set(event.id, event);
      const bytes = estimateEventBytes(event);
      this.bytes += bytes;
      if (event.seq > this.highestSeq) this.highestSeq = event.seq;
      // Batches hold runs of one trace: move it to the recent end once per run, not per event.
      if (record?.traceId !== event.trace_id) record = this.touch(event.trace_id);
      if (record.add(event, bytes, nowMs))
        this.indexService(event.metadata.service_name, event.trace_id);
      inserted.push(event);
    }
    return Promise.resolve(inserted);
  }

  getEvent(id: string): Promise<StoredEvent | undefined> {
    return Promise.resolve(this.events.get(id));
  }

  traceEvents(traceId: string): Promise<StoredEvent[]> {
    return Promise.resolve(this.traces.get(traceId)?.events.slice() ?? []);
  }

  traceSummary(traceId: string): Promise<TraceSummary | undefined> {
    return Promise.resolve(this.traces.get(traceId)?.summary());
  }

  listTraces(query: TraceQuery): Promise<Page<TraceSummary>> {
    const matching = this.candidates(query).filter(
      (t) =>
        (query.minEvents === undefined || t.events.length >= query.minEvents) &&
        (query.service === undefined || t.hasService(query.service)) &&
        (query.traceIds === undefined || query.traceIds.has(t.traceId)) &&
        (query.idPrefix === undefined || t.traceId.startsWith(query.idPrefix.toLowerCase())),
    );
    const size = Math.max(0, query.pageSize);
    const start = (Math.max(1, query.page) - 1) * size;
    const items = matching.slice(start, start + size).map((t) => t.summary());
    return Promise.resolve({ items, total: matching.length });
  }

  deleteTrace(traceId: string): Promise<boolean> {
    return Promise.resolve(this.remove(traceId) !== undefined);
  }

  enforceRetention(policy: RetentionPolicy, nowMs: number): Promise<RetentionResult> {
    const result: RetentionResult = { evictedTraceIds: [], evictedEvents: 0 };
    for (const oldest of this.traces.values()) {
      const tooOld =
        policy.maxAgeMs !== undefined && nowMs - oldest.lastActivityMs > policy.maxAgeMs;
      const tooMany = policy.maxTraces !== undefined && this.traces.size > policy.maxTraces;
      const tooBig = policy.maxBytes !== undefined && this.bytes > policy.maxBytes;
      if (!tooOld && !tooMany && !tooBig) break;
      this.remove(oldest.traceId);
      result.evictedTraceIds.push(oldest.traceId);
      result.evictedEvents += oldest.events.length;
    }
    return Promise.resolve(result);
  }

  stats(): Promise<StoreStats> {
    return Promise.resolve({
      events: this.events.size,
      traces: this.traces.size,
      bytes: this.bytes,
    });
  }

  maxSeq(): Promise<number> {
    return Promise.resolve(this.highestSeq);
  }

  async replay(
    onBatch: (events: StoredEvent[]) => void | Promise<void>,
    batchSize = 1000,
  ): Promise<void> {
    // Map order is insertion order, and appends come in `seq` order from the pipeline.
    const all = [...this.events.values()].sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < all.length; i += batchSize) await onBatch(all.slice(i, i + batchSize));
  }

  /** The trace's record, moved to the most recently active end. */
  private touch(traceId: string): TraceRecord {
    let record = this.traces.get(traceId);
    if (record === undefined) record = new TraceRecord(traceId);
    else this.traces.delete(traceId);
    this.traces.set(traceId, record);
    return record;
  }

  private indexService(service: string, traceId: string): void {
    let ids = this.tracesByService.get(service);
    if (ids === undefined) this.tracesByService.set(service, (ids = new Set()));
    ids.add(traceId);
  }

  private candidates(query: TraceQuery): TraceRecord[] {
    let ids: Iterable<string> | undefined = query.traceIds;
    if (query.service !== undefined) {
      const byService = this.tracesByService.get(query.service) ?? new Set<string>();
      if (ids === undefined || byService.size < query.traceIds!.size) ids = byService;
    }
    if (ids === undefined) return [...this.traces.values()].reverse();
    const records: TraceRecord[] = [];
    for (const id of ids) {
      const record = this.traces.get(id);
      if (record !== undefined) records.push(record);
    }
    return records.sort((a, b) => b.lastSeq - a.lastSeq);
  }

  private remove(traceId: string): TraceRecord | undefined {
    const record = this.traces.get(traceId);
    if (record === undefined) return undefined;
    this.traces.delete(traceId);
    for (const event of record.events) this.events.delete(event.id);
    this.bytes -= record.bytes;
    for (const service of record.services()) {
      const ids = this.tracesByService.get(service);
      ids?.delete(traceId);
      if (ids?.size === 0) this.tracesByService.delete(service);
    }
    return record;
  }
}
