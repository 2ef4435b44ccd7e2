import { traceCausality, type TraceCausality } from '../../causality/trace-causality.js';
import type { EventIndex } from '../../causality/event-index.js';
import type { StoredEvent } from '../../model/stored-event.js';
import { detectRaces, type DetectedRaces } from './race-detector.js';

/** Everything derived from one trace's current set of events; rebuilt when events arrive. */
export interface TraceAnalysis {
  readonly traceId: string;
  /** The events this analysis covers; indices of every field below refer to this array. */
  readonly events: readonly StoredEvent[];
  readonly idIndex: EventIndex;
  readonly causality: TraceCausality;
  readonly races: DetectedRaces;
}

export function analyzeTrace(
  traceId: string,
  events: readonly StoredEvent[],
  idIndex: EventIndex,
  skewUs: number,
): TraceAnalysis {
  const causality = traceCausality(events, idIndex, skewUs);
  return { traceId, events, idIndex, causality, races: detectRaces(events, causality) };
}
