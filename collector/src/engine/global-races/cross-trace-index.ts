import { footprintsRace } from './class-pairs.js';
import { TimeBuckets } from './time-buckets.js';
import type { TraceFootprint, VariableFootprint } from './trace-footprint.js';

export interface VariableEntry {
  trace: TraceFootprint;
  footprint: VariableFootprint;
}

export interface NewCrossTraceRace {
  variable: string;
  trace1_id: string;
  trace2_id: string;
  /** The two sides' footprints, to rate severity. */
  a: VariableFootprint;
  b: VariableFootprint;
}

/**
 * Incremental per-variable index of every trace's accesses with its time window (DESIGN "Races across
 * traces"). A trace's footprint is replaced whole when its analysis is rebuilt. Traces are also filed
 * in time buckets, so finding the traces that overlap one trace costs the overlapping ones, never a scan
 * of all traces.
 */
export class CrossTraceIndex {
  private readonly traces = new Map<string, TraceFootprint>();
  private readonly byVariable = new Map<string, Map<string, VariableEntry>>();
  private readonly buckets = new Map<string, TimeBuckets>();
  /** Bumped on every change, so derived results can be cached. */
  version = 0;

  constructor(private readonly skewUs: number) {}

  variables(): ReadonlyMap<string, ReadonlyMap<string, VariableEntry>> {
    return this.byVariable;
  }

  /**
   * Replaces the footprint of `next.traceId` and returns, for each variable on which this trace races
   * with another trace for the first time, one such race (the first overlapping partner found). One
   * entry per (variable, trace) keeps the live update linear on a hot variable, where every trace
   * races with every overlapping one; the full count is `globalSweep`'s job.
   */
  replace(next: TraceFootprint): NewCrossTraceRace[] {
    const previous = this.traces.get(next.traceId);
    if (previous) this.unfile(previous);
    this.traces.set(next.traceId, next);
    this.version += 1;
    const found: NewCrossTraceRace[] = [];
    for (const [variable, footprint] of next.variables) {
      let entries = this.byVariable.get(variable);
      if (!entries) this.byVariable.set(variable, (entries = new Map<string, VariableEntry>()));
      // Announced once per (variable, trace): the flag lives on the footprint, carried over here.
      if (previous?.variables.get(variable)?.reported) footprint.reported = true;
      if (!footprint.reported) {
        const partner = this.firstRacing(variable, next, footprint);
        if (partner) {
          footprint.reported = true;
          found.push({
            variable,
            trace1_id: next.traceId,
            trace2_id: partner.trace.traceId,
            a: footprint,
            b: partner.footprint,
          });
        }
      }
      entries.set(next.traceId, { trace: next, footprint });
      this.file(variable, next);
    }
    return found;
  }

  remove(traceId: string): void {
    const previous = this.traces.get(traceId);
    if (!previous) return;
    this.unfile(previous);
    this.traces.delete(traceId);
    this.version += 1;
  }

  /** An entry of another trace on `variable` whose window overlaps and which races with `footprint`. */
  private firstRacing(
    variable: string,
    trace: TraceFootprint,
    footprint: VariableFootprint,
  ): VariableEntry | undefined {
    const entries = this.byVariable.get(variable);
    const buckets = this.buckets.get(variable);
    if (!entries || !buckets) return undefined;
    for (const id of buckets.candidates(trace.start - this.skewUs, trace.end + this.skewUs)) {
      const entry = entries.get(id);
      if (
        entry &&
        overlaps(entry.trace, trace, this.skewUs) &&
        footprintsRace(footprint.classes, entry.footprint.classes)
      )
        return entry;
    }
    return undefined;
  }

  private file(variable: string, trace: TraceFootprint): void {
    let buckets = this.buckets.get(variable);
    if (!buckets) this.buckets.set(variable, (buckets = new TimeBuckets()));
    buckets.add(trace.traceId, trace.start, trace.end);
  }

  private unfile(trace: TraceFootprint): void {
    for (const variable of trace.variables.keys()) {
      const entries = this.byVariable.get(variable);
      entries?.delete(trace.traceId);
      const buckets = this.buckets.get(variable);
      buckets?.delete(trace.traceId, trace.start, trace.end);
      if (entries?.size === 0) {
        this.byVariable.delete(variable);
        this.buckets.delete(variable);
      }
    }
  }
}

function overlapsWindow(
  trace: TraceFootprint,
  start: number,
  end: number,
  skewUs: number,
): boolean {
  return trace.start <= end + skewUs && start <= trace.end + skewUs;
}

export function overlaps(a: TraceFootprint, b: TraceFootprint, skewUs: number): boolean {
  return overlapsWindow(a, b.start, b.end, skewUs);
}
