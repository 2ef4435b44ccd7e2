/** Index of an event within its trace's event array, by event id (a `Map` satisfies it). */
export interface EventIndex {
  get(eventId: string): number | undefined;
}

/** Events up to this many are found by a scan: cheaper than building and probing a hash table. */
const SCAN_MAX = 16;

/**
 * The index of one analysis' events, built for it: a scan for the few events of a typical request,
 * a `Map` beyond. Parent lookups then stay inside this trace and never probe the collector-wide table of
 * every event id (a cache miss each).
 */
export function indexOfEvents(events: ReadonlyArray<{ readonly id: string }>): EventIndex {
  if (events.length > SCAN_MAX) return new Map(events.map((e, i) => [e.id, i]));
  return {
    get(eventId) {
      for (let i = 0; i < events.length; i++) if (events[i]!.id === eventId) return i;
      return undefined;
    },
  };
}
