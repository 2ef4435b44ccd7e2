import type { StoredEvent } from '../../model/stored-event.js';
import type { TraceAnalysis } from '../races/trace-analysis.js';
import type { CausalEdge, TraceView } from '../trace-view.js';

/** The read-only view the per-trace analyses (critical path, dependencies) take as input. */
export function traceViewOf(analysis: TraceAnalysis): TraceView {
  const { events, idIndex, causality } = analysis;
  let sorted: StoredEvent[] | undefined;
  let edges: CausalEdge[] | undefined;
  return {
    traceId: analysis.traceId,
    get events(): readonly StoredEvent[] {
      sorted ??= [...events].sort((a, b) => a.time_us - b.time_us || a.seq - b.seq);
      return sorted;
    },
    get edges(): readonly CausalEdge[] {
      edges ??= causality.edges.map((edge) => ({
        from: events[edge.from]!.id,
        to: events[edge.to]!.id,
        type: edge.type,
      }));
      return edges;
    },
    contextOf(eventId) {
      const i = idIndex.get(eventId);
      return i === undefined || i >= events.length
        ? undefined
        : causality.contexts[causality.ctxOf[i]!];
    },
    happensBefore(a, b) {
      const i = idIndex.get(a);
      const j = idIndex.get(b);
      const n = events.length;
      return i !== undefined && j !== undefined && i < n && j < n && causality.happensBefore(i, j);
    },
  };
}
