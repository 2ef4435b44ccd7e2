import { indexOfEvents } from '../../causality/event-index.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { analyzeTrace, type TraceAnalysis } from './trace-analysis.js';

/** Traces up to this size are re-analysed on every batch that touches them (live races). */
export const EAGER_ANALYSIS_MAX_EVENTS = 1024;

/**
 * Analyses kept for queries, counted in events. An analysis costs far more memory than its events
 * (clocks, lock sets, edges), and keeping one per trace made garbage collection the biggest cost of
 * ingest; what the live analyses need of a settled trace (footprint, race flags, service calls) is kept
 * by them, so the full analysis is only cached for the traces being looked at, and rebuilt on demand.
 */
export const ANALYSIS_CACHE_EVENTS = 65_536;

/** Event ids map to `slot * SLOT_SPAN + index`: one map entry per event, for dedup and lookups. */
const SLOT_SPAN = 2 ** 26;

interface TraceState {
  readonly traceId: string;
  readonly slot: number;
  readonly events: StoredEvent[];
  /** Events covered by the last analysis (the derived state of the analyses is this fresh). */
  analysed: number;
  /** What `onAnalyzed` chose to remember of the last analysis (e.g. its race groups). */
  memo: unknown;
}

/**
 * The events of every trace, analysed as they change. An analysis is a pure function of the trace's
 * event set, so it never depends on arrival order or batching. Small traces are analysed on every batch
 * that touches them (live races) and big ones whenever they have doubled since (which keeps the total
 * work linear); the analysis then feeds the derived state through `onAnalyzed` and is dropped, unless a
 * query asks for it: queries get a cached analysis, rebuilt when the trace changed.
 */
export class TraceRegistry {
  private readonly traces = new Map<string, TraceState>();
  private readonly slots: Array<TraceState | undefined> = [];
  private readonly freeSlots: number[] = [];
  private readonly eventSlots = new Map<string, number>();
  private eventCount = 0;

  constructor(
    private readonly skewUs: number,
    /**
     * Told about every analysis of new events, with the memo it returned for the trace's previous
     * analysis; its return value is kept as the trace's memo.
     */
    private readonly onAnalyzed: (next: TraceAnalysis, previousMemo: unknown) => unknown,
    private readonly cacheEvents = ANALYSIS_CACHE_EVENTS,
  ) {}

  /** Recently used analyses, least recent first (Map keeps insertion order). */
  private readonly cache = new Map<TraceState, TraceAnalysis>();
  private cachedEvents = 0;

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
    let state: TraceState | undefined;
    let entry: { traceId: string; created: boolean; size: number } | undefined;
    for (const event of events) {
      if (this.eventSlots.has(event.id)) continue;
      // SDKs send a request's events together: most events belong to the previous event's trace.
      if (state?.traceId !== event.trace_id) {
        state = this.traces.get(event.trace_id);
        const created = !state;
        if (!state) {
          state = this.createTrace(event.trace_id);
          this.traces.set(event.trace_id, state);
        }
        entry = touched.get(state.traceId);
        if (!entry)
          touched.set(state.traceId, (entry = { traceId: state.traceId, created, size: 0 }));
      }
      if (state.events.length >= SLOT_SPAN) throw new RangeError('trace exceeds 2^26 events');
      this.eventSlots.set(event.id, state.slot * SLOT_SPAN + state.events.length);
      accepted.push(event);
      state.events.push(event);
      this.eventCount += 1;
      entry!.size = state.events.length;
    }
    for (const { traceId } of touched.values()) {
      const state = this.traces.get(traceId)!;
      const size = state.events.length;
      if (size <= EAGER_ANALYSIS_MAX_EVENTS) this.update(state);
      // A big trace is costly to rebuild: keep its analysis for the queries that will follow.
      else if (size >= 2 * state.analysed) this.analysisOf(state);
    }
    return { touched: [...touched.values()], accepted };
  }

  /** The trace's analysis, rebuilt first when events arrived since. */
  analysis(traceId: string): TraceAnalysis | undefined {
    const state = this.traces.get(traceId);
    return state && this.analysisOf(state);
  }

  /** The analysis of the trace holding `eventId`, with the event's index. */
  analysisOfEvent(eventId: string): { analysis: TraceAnalysis; index: number } | undefined {
    const code = this.eventSlots.get(eventId);
    if (code === undefined) return undefined;
    const state = this.slots[Math.floor(code / SLOT_SPAN)];
    if (!state) return undefined;
    return { analysis: this.analysisOf(state), index: code % SLOT_SPAN };
  }

  /** Brings the derived state of every trace up to date (before cross-trace queries). */
  refreshAll(): void {
    for (const state of this.traces.values()) this.update(state);
  }

  traceEvents(traceId: string): readonly StoredEvent[] {
    return this.traces.get(traceId)?.events ?? [];
  }

  /** Drops a trace; returns its events (for plug-ins that must un-observe them). */
  forget(traceId: string): StoredEvent[] {
    const state = this.traces.get(traceId);
    if (!state) return [];
    this.traces.delete(traceId);
    this.uncache(state);
    for (const event of state.events) this.eventSlots.delete(event.id);
    this.slots[state.slot] = undefined;
    this.freeSlots.push(state.slot);
    this.eventCount -= state.events.length;
    return state.events;
  }

  private createTrace(traceId: string): TraceState {
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const state: TraceState = { traceId, slot, events: [], analysed: 0, memo: undefined };
    this.slots[slot] = state;
    return state;
  }

  /** Analyses the trace's new events for the derived state, without keeping the analysis. */
  private update(state: TraceState): void {
    if (state.analysed !== state.events.length) this.analyse(state);
  }

  /** The trace's current analysis: cached, or rebuilt (and then cached). */
  private analysisOf(state: TraceState): TraceAnalysis {
    const cached = this.cache.get(state);
    let analysis: TraceAnalysis;
    if (cached && cached.events.length === state.events.length) {
      this.cache.delete(state);
      analysis = cached;
    } else {
      this.uncache(state);
      analysis =
        state.analysed === state.events.length
          ? analyzeOf(state, this.skewUs)
          : this.analyse(state);
    }
    this.cache.set(state, analysis);
    this.cachedEvents += analysis.events.length;
    for (const [old, oldAnalysis] of this.cache) {
      if (this.cachedEvents <= this.cacheEvents || old === state) break;
      this.cache.delete(old);
      this.cachedEvents -= oldAnalysis.events.length;
    }
    return analysis;
  }

  private analyse(state: TraceState): TraceAnalysis {
    const next = analyzeOf(state, this.skewUs);
    state.analysed = next.events.length;
    state.memo = this.onAnalyzed(next, state.memo);
    return next;
  }

  private uncache(state: TraceState): void {
    const cached = this.cache.get(state);
    if (!cached) return;
    this.cache.delete(state);
    this.cachedEvents -= cached.events.length;
  }
}

/** A fresh analysis of the trace's current events, with an id index of its own. */
function analyzeOf(state: TraceState, skewUs: number): TraceAnalysis {
  const events = state.events.slice();
  return analyzeTrace(state.traceId, events, indexOfEvents(events), skewUs);
}
