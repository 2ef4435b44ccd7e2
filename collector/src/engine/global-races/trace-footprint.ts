import type { LockSet } from '../../causality/lock-set.js';
import type { AccessType } from '../../model/event.js';
import type { StoredEvent } from '../../model/stored-event.js';
import type { TraceAnalysis } from '../races/trace-analysis.js';
import { SmallMap } from '../compact/small-map.js';
import { eventInterval } from '../../model/event-interval.js';

/** Accesses of one trace to one variable with one lock set and access type. */
export interface AccessClass {
  key: string;
  locks: LockSet;
  type: AccessType;
  /** The accesses, in causal order (the events themselves: the index must not keep the analysis). */
  events: StoredEvent[];
}

export interface VariableFootprint {
  classes: AccessClass[];
  /** Distinct threads (a short array: a Set per variable and trace costs far more memory). */
  threads: string[];
  accessCount: number;
  /** Set once a race of this trace on this variable with another trace has been announced. */
  reported: boolean;
}

/** What the cross-trace index keeps of one trace: its time window and its accesses per variable. */
export interface TraceFootprint {
  traceId: string;
  /** Time window in µs: first event start to last event end (start + duration). */
  start: number;
  end: number;
  variables: ReadonlyMap<string, VariableFootprint>;
}

export function footprintOf(analysis: TraceAnalysis): TraceFootprint {
  const { events, causality } = analysis;
  let start = Infinity;
  let end = -Infinity;
  const variables = new SmallMap<string, VariableFootprint>();
  // Sets while building (a hot variable may be touched by many threads), arrays to keep.
  const threads = new Map<VariableFootprint, Set<string>>();
  for (const i of causality.order) {
    const event = events[i]!;
    const interval = eventInterval(event);
    start = Math.min(start, interval.startUs);
    end = Math.max(end, interval.endUs);
    if (!('StateChange' in event.kind)) continue;
    const { variable, access_type: type } = event.kind.StateChange;
    const footprint = variables.upsert(variable, () => ({
      classes: [],
      threads: [],
      accessCount: 0,
      reported: false,
    }));
    footprint.accessCount += 1;
    const thread = event.metadata.thread_id;
    const seen = threads.get(footprint);
    if (!seen) threads.set(footprint, new Set([thread]));
    else seen.add(thread);
    const locks = causality.locks[i]!;
    const key = `${locks.key}\u0000${type}`;
    let cls = footprint.classes.find((c) => c.key === key);
    if (!cls) footprint.classes.push((cls = { key, locks, type, events: [] }));
    cls.events.push(event);
  }
  for (const [footprint, seen] of threads) footprint.threads = [...seen];
  return { traceId: analysis.traceId, start, end, variables };
}
