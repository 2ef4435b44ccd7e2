import type { StoredEvent } from '../model/stored-event.js';

/** A direct happens-before edge; HB is the transitive closure of these. */
export interface CausalEdge {
  from: string;
  to: string;
  /** program order in one context, parent_id across contexts (spawn), call into a callee, return. */
  type: 'program' | 'spawn' | 'call' | 'return';
}

/**
 * One trace as the causality stage sees it: what the per-trace analyses (critical path, dependencies,
 * anomalies context) take as input. Built by the causality stage; read-only for analyses.
 */
export interface TraceView {
  readonly traceId: string;
  /** Events ordered by (`time_us`, `seq`). */
  readonly events: readonly StoredEvent[];
  readonly edges: readonly CausalEdge[];
  /** Execution context id of an event of this trace. */
  contextOf(eventId: string): string | undefined;
  /** True when a happens before b (strict). */
  happensBefore(a: string, b: string): boolean;
}
