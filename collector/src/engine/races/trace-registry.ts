import type { EventIndex } from '../../causality/event-index.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { analyzeTrace, type TraceAnalysis } from './trace-analysis.js';

/** Traces up to this size are re-analysed on every batch that touches them (live races). */
export const EAGER_ANALYSIS_MAX_EVENTS = 1024;

/** Event ids map to `slot * SLOT_SPAN + index`: one map entry per event for every lookup. */
const SLOT_SPAN = 2 ** 26;

interface TraceState {
  readonly traceId: string;
  readonly slot: number;
  readonly events: StoredEvent[];
  readonly idIndex: EventIndex;
  analysis: TraceAnalysis | undefined;
}

/**
 * The events of every trace and their latest analysis. An analysis is a pure function of the trace's
 * event set, so it never depends on arrival order or batching; it is rebuilt when the trace changed:
 * at ingest for small traces (and whenever a big trace has doubled since its last analysis, which keeps
 * the total work linear), otherwise lazily on the next query.
 */
export class TraceRegistry {
  private readonly traces = new Map<string, TraceState>();
  private readonly slots: Array<TraceState | undefined> = [];
  private readonly freeSlots: number[] = [];
  private readonly eventSlots = new Map<string, number>();
  private eventCount = 0;

  constructor(
    private readonly skewUs: number,
    /** Told about every rebuilt analysis, with the one it replaces. */
    private readonly onAnalyzed: (next: TraceAnalysis, previous: TraceAnalysis | undefined) => void,
  ) {}

  get totals(): { traces: number; events: number } {
    return { traces: this.traces.size, events: this.eventCount };
  }

  has(eventId: string): boolean {
    return this.eventSlots.has(eventId);
  }

  /**
   * Adds new events and returns the touched traces and the events accepted; ids already known (also
   * earlier in the same batch) are skipped.
   */
  add(events: readonly StoredEvent[]): {
    touched: Array<{ traceId: string; created: boolean; size: number }>;
    accepted: StoredEvent[];
  } {
    const touched = new Map<string, { traceId: string; created: boolean; size: number }>();
    const accepted: StoredEvent[] = [];
    for (const event of events) {
      if (this.eventSlots.has(event.id)) continue;
      let state = this.traces.get(event.trace_id);
      const created = !state;
      if (!state) {
        state = this.createTrace(event.trace_id);
        this.traces.set(event.trace_id, state);
      }
      if (state.events.length >= SLOT_SPAN) throw new RangeError('trace exceeds 2^26 events');
      this.eventSlots.set(event.id, state.slot * SLOT_SPAN + state.events.length);
      accepted.push(event);
      state.events.push(event);
      this.eventCount += 1;
      const entry = touched.get(state.traceId);
      if (entry) entry.size = state.events.length;
      else
        touched.set(state.traceId, { traceId: state.traceId, created, size: state.events.length });
    }
    for (const { traceId } of touched.values()) {
      const state = this.traces.get(traceId)!;
      const analysed = state.analysis?.events.length ?? 0;
      const size = state.events.length;
      if (size <= EAGER_ANALYSIS_MAX_EVENTS || size >= 2 * analysed) this.refresh(state);
    }
    return { touched: [...touched.values()], accepted };
  }

  /** The trace's analysis, rebuilt first when events arrived since. */
  analysis(traceId: string): TraceAnalysis | undefined {
    const state = this.traces.get(traceId);
    return state && this.refresh(state);
  }

  /** The analysis of the trace holding `eventId`, with the event's index. */
  analysisOfEvent(eventId: string): { analysis: TraceAnalysis; index: number } | undefined {
    const code = this.eventSlots.get(eventId);
    if (code === undefined) return undefined;
    const state = this.slots[Math.floor(code / SLOT_SPAN)];
    if (!state) return undefined;
    return { analysis: this.refresh(state), index: code % SLOT_SPAN };
  }

  /** Rebuilds every stale analysis (before cross-trace queries). */
  refreshAll(): void {
    for (const state of this.traces.values()) this.refresh(state);
  }

  traceEvents(traceId: string): readonly StoredEvent[] {
    return this.traces.get(traceId)?.events ?? [];
  }

  /** Drops a trace; returns its events (for plug-ins that must un-observe them). */
  forget(traceId: string): StoredEvent[] {
    const state = this.traces.get(traceId);
    if (!state) return [];
    this.traces.delete(traceId);
    for (const event of state.events) this.eventSlots.delete(event.id);
    this.slots[state.slot] = undefined;
    this.freeSlots.push(state.slot);
    this.eventCount -= state.events.length;
    return state.events;
  }

  private createTrace(traceId: string): TraceState {
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const codes = this.eventSlots;
    const base = slot * SLOT_SPAN;
    const state: TraceState = {
      traceId,
      slot,
      events: [],
      // Only ids of this trace resolve; a parent_id into another trace is not a parent here.
      idIndex: {
        get(eventId) {
          const code = codes.get(eventId);
          return code !== undefined && code >= base && code < base + SLOT_SPAN
            ? code - base
            : undefined;
        },
      },
      analysis: undefined,
    };
    this.slots[slot] = state;
    return state;
  }

  private refresh(state: TraceState): TraceAnalysis {
    const previous = state.analysis;
    if (previous && previous.events.length === state.events.length) return previous;
    const next = analyzeTrace(state.traceId, state.events.slice(), state.idIndex, this.skewUs);
    state.analysis = next;
    this.onAnalyzed(next, previous);
    return next;
  }
}
