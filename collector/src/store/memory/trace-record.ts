import type { StoredEvent } from '../../model/stored-event.js';
import type { TraceSummary } from '../store.js';

/** What the memory store keeps per trace: its events in (time_us, seq) order and running aggregates. */
export class TraceRecord {
  /** Ordered by (`time_us`, `seq`); SDK clocks are often a little out of order, so inserts are sorted. */
  readonly events: StoredEvent[] = [];
  /**
   * Service names seen (traces are only ever removed whole, so no per-service counts are needed). Most
   * traces have one: a Set per trace cost ~150 bytes, so it is only made for a second service.
   */
  private firstService: string | undefined;
  private moreServices: Set<string> | undefined;
  bytes = 0;
  /** Clock time (ms) of the last append, for age-based retention. */
  lastActivityMs = 0;
  /** Highest `seq` appended, for "newest first" lists. */
  lastSeq = 0;

  constructor(readonly traceId: string) {}

  /** Adds the event; true when its service is new to this trace. */
  add(event: StoredEvent, bytes: number, nowMs: number): boolean {
    const list = this.events;
    const last = list[list.length - 1];
    if (last === undefined || !before(event, last)) list.push(event);
    else list.splice(insertionIndex(list, event), 0, event);
    const service = event.metadata.service_name;
    const isNew = !this.hasService(service);
    if (isNew) {
      if (this.firstService === undefined) this.firstService = service;
      else (this.moreServices ??= new Set()).add(service);
    }
    this.bytes += bytes;
    this.lastActivityMs = nowMs;
    if (event.seq > this.lastSeq) this.lastSeq = event.seq;
    return isNew;
  }

  hasService(service: string): boolean {
    return service === this.firstService || (this.moreServices?.has(service) ?? false);
  }

  /** The service names seen, in first-seen order. */
  services(): string[] {
    if (this.firstService === undefined) return [];
    return this.moreServices === undefined
      ? [this.firstService]
      : [this.firstService, ...this.moreServices];
  }

  summary(): TraceSummary {
    const services = this.services().sort();
    return {
      trace_id: this.traceId,
      event_count: this.events.length,
      first_timestamp: this.events[0]?.timestamp ?? '',
      last_timestamp: this.events[this.events.length - 1]?.timestamp ?? '',
      service_count: services.length,
      services,
    };
  }
}

function before(a: StoredEvent, b: StoredEvent): boolean {
  return a.time_us < b.time_us || (a.time_us === b.time_us && a.seq < b.seq);
}

/** First index whose event does not come before `event` (binary search). */
function insertionIndex(list: readonly StoredEvent[], event: StoredEvent): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid]!, event)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
