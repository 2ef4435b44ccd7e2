import { kindName } from '../../model/event.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { eventInterval } from '../../model/event-interval.js';
import { SmallMap } from '../compact/small-map.js';

export interface DurationTotal {
  count: number;
  sumMs: number;
}

/**
 * What the global views need from one trace, folded in event by event at ingest (O(1) each): counts and
 * last activity per service (from events, not spans: spec §10.2.1), accesses per variable, and duration
 * totals per event type and per service (events with a positive duration, spec §3.4).
 */
export class TraceSummary {
  eventCount = 0;
  firstUs = Infinity;
  /** The latest event timestamp: the trace's last activity. */
  lastUs = -Infinity;
  /** The latest event end (timestamp + duration): with firstUs, the trace's wall time. */
  endUs = -Infinity;
  // Small maps: a trace has a few services, variables and event types, and there are many traces.
  readonly services = new SmallMap<string, { events: number; lastUs: number }>();
  readonly variables = new SmallMap<string, { accesses: number; services: string[] }>();
  readonly byType = new SmallMap<string, DurationTotal>();
  readonly byService = new SmallMap<string, DurationTotal>();

  constructor(readonly traceId: string) {}

  add(event: StoredEvent): void {
    const service = event.metadata.service_name;
    const ns = event.metadata.duration_ns;
    const ms = typeof ns === 'number' && ns > 0 ? ns / 1e6 : 0;
    this.eventCount++;
    const { startUs, endUs } = eventInterval(event);
    this.firstUs = Math.min(this.firstUs, startUs);
    this.lastUs = Math.max(this.lastUs, event.time_us);
    this.endUs = Math.max(this.endUs, endUs);

    const activity = this.services.upsert(service, () => ({ events: 0, lastUs: -Infinity }));
    activity.events++;
    activity.lastUs = Math.max(activity.lastUs, event.time_us);

    if ('StateChange' in event.kind) {
      const name = event.kind.StateChange.variable;
      const variable = this.variables.upsert(name, () => ({ accesses: 0, services: [] }));
      variable.accesses++;
      if (!variable.services.includes(service)) variable.services.push(service);
    }

    if (ms > 0) {
      addDuration(this.byType, performanceType(event), ms);
      addDuration(this.byService, service, ms);
    }
  }

  /** First start to last end, ms. */
  get durationMs(): number {
    return this.eventCount > 0 ? (this.endUs - this.firstUs) / 1000 : 0;
  }
}

/** spec §3.4 `by_type` keys: the variant name, `Custom(name)` for custom events. */
export function performanceType(event: StoredEvent): string {
  return 'Custom' in event.kind ? `Custom(${event.kind.Custom.name})` : kindName(event.kind);
}

function addDuration(totals: SmallMap<string, DurationTotal>, key: string, ms: number): void {
  const total = totals.upsert(key, () => ({ count: 0, sumMs: 0 }));
  total.count++;
  total.sumMs += ms;
}
