import { kindName } from '../../model/event.js';
import type { TraceAnalysis } from '../races/trace-analysis.js';
import type { TraceGraph } from '../results.js';
import { eventLabel } from './event-label.js';

/** The DAG view of one trace: events, direct HB edges, racing pairs (representatives) in red. */
export function causalGraphOf(analysis: TraceAnalysis): TraceGraph {
  const { events, causality, races } = analysis;
  return {
    trace_id: analysis.traceId,
    nodes: Array.from(causality.order, (i) => {
      const event = events[i]!;
      return {
        id: event.id,
        context: causality.contexts[causality.ctxOf[i]!]!,
        service_name: event.metadata.service_name,
        kind: kindName(event.kind),
        label: eventLabel(event),
        timestamp: event.timestamp,
      };
    }),
    edges: causality.edges.map((edge) => ({
      from: events[edge.from]!.id,
      to: events[edge.to]!.id,
      type: edge.type,
    })),
    races: races.groups.flatMap((group) =>
      group.examples.map(([a, b]) => ({
        event1_id: events[a]!.id,
        event2_id: events[b]!.id,
        severity: group.severity,
      })),
    ),
  };
}
