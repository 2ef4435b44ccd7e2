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

/** Up to this many events a trace finds a re-sent id by scanning; beyond, it keeps a Set of ids. */
const SCAN_IDS_MAX = 32;

interface TraceState {
  readonly traceId: string;
  readonly events: StoredEvent[];
  /** Ids of the events, once the trace outgrew a scan. */
  ids: Set<string> | undefined;
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
  // No collector-wide table of event ids: the store already deduplicates, and probing a table of
  // hundreds of thousands of ids twice per event was a tenth of the engine's time. Re-sent ids are
  // still skipped, per trace.
  private readonly traces = new Map<string, TraceState>();
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
    let created = false;
    let entry: { traceId: string; created: boolean; size: number } | undefined;
    for (const event of events) {
      // SDKs send a request's events together: most events belong to the previous event's trace.
      if (state?.traceId !== event.trace_id) {
        entry = undefined;
        state = this.traces.get(event.trace_id);
        created = !state;
        if (!state) {
          state = this.createTrace(event.trace_id);
          this.traces.set(event.trace_id, state);
        }
      }
      if (holds(state, event.id)) continue;
      state.ids?.add(event.id);
      accepted.push(event);
      state.events.push(event);
      this.eventCount += 1;
      entry ??= touched.get(state.traceId);
      if (!entry)
        touched.set(state.traceId, (entry = { traceId: state.traceId, created, size: 0 }));
      entry.size = state.events.length;
    }
    for (const { traceId } of touched.values()) {
      const state = this.traces.get(traceId)!;
      const size = state.events.length;
      // A big trace waits until it has doubled (total work stays linear); `update` keeps its analysis.
      if (size <= EAGER_ANALYSIS_MAX_EVENTS || size >= 2 * state.analysed) this.update(state);
    }
    return { touched: [...touched.values()], accepted };
  }

  /** The trace's analysis, rebuilt first when events arrived since. */
  analysis(traceId: string): TraceAnalysis | undefined {
    const state = this.traces.get(traceId);
    return state && this.analysisOf(state);
  }

  /** The analysis of the event's trace, with the event's index (undefined when unknown). */
  analysisOfEvent(event: {
    id: string;
    trace_id: string;
  }): { analysis: TraceAnalysis; index: number } | undefined {
    const state = this.traces.get(event.trace_id);
    if (!state) return undefined;
    const analysis = this.analysisOf(state);
    const index = analysis.idIndex.get(event.id);
    return index === undefined ? undefined : { analysis, index };
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
    this.eventCount -= state.events.length;
    return state.events;
  }

  private createTrace(traceId: string): TraceState {
    return { traceId, events: [], ids: undefined, analysed: 0, memo: undefined };
  }

  /**
   * Analyses the trace's new events for the derived state; keeps the analysis only of a big trace
   * (costly to rebuild for the query that usually follows, e.g. opening a trace from the list).
   */
  private update(state: TraceState): void {
    if (state.analysed === state.events.length) return;
    if (state.events.length > EAGER_ANALYSIS_MAX_EVENTS) this.analysisOf(state);
    else this.analyse(state);
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

/** True when the trace already has an event with this id; switches to a Set as the trace grows. */
function holds(state: TraceState, id: string): boolean {
  const { events } = state;
  if (state.ids) return state.ids.has(id);
  for (let i = 0; i < events.length; i++) if (events[i]!.id === id) return true;
  if (events.length >= SCAN_IDS_MAX) state.ids = new Set(events.map((e) => e.id));
  return false;
}
