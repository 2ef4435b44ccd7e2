import type { StoredEvent } from '../../model/stored-event.js';
import type { DistributedEdge } from '../results.js';
import type { TraceView } from '../trace-view.js';
import { eventInterval } from '../../model/event-interval.js';
import { isFailure } from '../../model/is-failure.js';

/** One call from a service into another, found in one trace. */
export interface ServiceCallRecord {
  from: string;
  to: string;
  /** The callee's span (`distributed_span_id`), or its execution context when it has no span id. */
  callee: string;
  linkType: DistributedEdge['link_type'];
  /** The callee recorded an Error event or answered with a 5xx status. */
  error: boolean;
  /** Wall time of the callee's work: its first start to its last end. */
  latencyMs: number;
}

/**
 * The cross-service calls of one trace (spec §4.12, fixing §10.1.12): from `call` and `spawn` causal edges
 * between events of different services, and from `upstream_span_id` links to the caller's span, which is how
 * every SDK links services (so spec §9 S9's chain gives three calls, not the old []). A call is counted once
 * per (caller service, callee span), however many callee events carry the link (the old memory backend
 * counted one per event, spec §2.5). Upstream spans this trace does not know are skipped.
 */
export function serviceCalls(view: TraceView): ServiceCallRecord[] {
  const byId = new Map(view.events.map((e) => [e.id, e]));
  const calleeOf = (event: StoredEvent): string =>
    event.metadata.distributed_span_id ??
    `context:${view.contextOf(event.id) ?? `${event.metadata.service_name}/${event.metadata.thread_id}`}`;

  const calleeEvents = new Map<string, StoredEvent[]>();
  const spanOwner = new Map<string, string>();
  for (const event of view.events) {
    const callee = calleeOf(event);
    const unit = calleeEvents.get(callee);
    if (unit) unit.push(event);
    else calleeEvents.set(callee, [event]);
    const span = event.metadata.distributed_span_id;
    // Events are in time order: the first one seen owns the span (spec §2.5).
    if (span != null && !spanOwner.has(span)) spanOwner.set(span, event.metadata.service_name);
  }

  const entries = new Map<
    string,
    { from: string; to: string; callee: string; entry: StoredEvent }
  >();
  const link = (from: string, entry: StoredEvent): void => {
    const to = entry.metadata.service_name;
    if (from === to) return;
    const callee = calleeOf(entry);
    const key = `${from}\u0000${to}\u0000${callee}`;
    const known = entries.get(key);
    if (!known || entersBefore(entry, known.entry)) entries.set(key, { from, to, callee, entry });
  };
  /**
   * The callee's entry is its causally first event, then its earliest: the old TS SDK stamps about one
   * child in ten before its parent, so a StateChange can carry an earlier timestamp than the HttpRequest
   * that roots the callee's context (and decides the link type).
   */
  const entersBefore = (a: StoredEvent, b: StoredEvent): boolean =>
    view.happensBefore(a.id, b.id) || (!view.happensBefore(b.id, a.id) && earlier(a, b));
  for (const event of view.events) {
    const upstream = event.metadata.upstream_span_id;
    const caller = upstream == null ? undefined : spanOwner.get(upstream);
    if (caller !== undefined) link(caller, event);
  }
  for (const edge of view.edges) {
    if (edge.type !== 'call' && edge.type !== 'spawn') continue;
    const [from, to] = [byId.get(edge.from), byId.get(edge.to)];
    if (from && to) link(from.metadata.service_name, to);
  }

  return [...entries.values()]
    .map(({ from, to, callee, entry }) => {
      const work = (calleeEvents.get(callee) ?? [entry]).filter(
        (e) => e.metadata.service_name === to,
      );
      return {
        from,
        to,
        callee,
        linkType: linkType(entry),
        error: work.some(isFailure),
        latencyMs: wallTimeMs(work),
      };
    })
    .sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.callee, b.callee));
}

/** spec §2.5: the kind of the event carrying the link decides the link type. */
function linkType(entry: StoredEvent): DistributedEdge['link_type'] {
  if ('HttpRequest' in entry.kind || 'HttpResponse' in entry.kind) return 'HttpCall';
  if ('DatabaseQuery' in entry.kind) return 'DatabaseQuery';
  return 'Custom';
}

function wallTimeMs(events: readonly StoredEvent[]): number {
  let [start, end] = [Infinity, -Infinity];
  for (const event of events) {
    const interval = eventInterval(event);
    start = Math.min(start, interval.startUs);
    end = Math.max(end, interval.endUs);
  }
  return end > start ? Math.round((end - start) * 1000) / 1e6 : 0;
}

function earlier(a: StoredEvent, b: StoredEvent): boolean {
  return a.time_us < b.time_us || (a.time_us === b.time_us && a.id < b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
