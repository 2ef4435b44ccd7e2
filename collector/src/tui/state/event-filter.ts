import type { EventKindName } from '../../model/event.js';
import { kindName } from '../../model/event.js';
import type { RacewayEvent } from '../../model/event.js';

/**
 * The kind filter of the events tab: `undefined` shows everything. Filters compare the structured
 * variant name, so `HttpRequest`/`HttpResponse` match (the old TUI's filters 3 and 4 never did, §10.5).
 */
export type KindFilter = EventKindName | undefined;

/** The kinds present in the trace, in first-seen order: the choices the filter cycles through. */
export function kindsPresent(events: readonly RacewayEvent[]): EventKindName[] {
  const seen = new Set<EventKindName>();
  for (const e of events) seen.add(kindName(e.kind));
  return [...seen];
}

/** all → first kind → … → last kind → all. */
export function cycleKindFilter(current: KindFilter, kinds: readonly EventKindName[]): KindFilter {
  if (kinds.length === 0) return undefined;
  if (current === undefined) return kinds[0];
  const i = kinds.indexOf(current);
  return i < 0 || i === kinds.length - 1 ? undefined : kinds[i + 1];
}

export function applyKindFilter<E extends RacewayEvent>(
  events: readonly E[],
  filter: KindFilter,
): E[] {
  return filter === undefined ? [...events] : events.filter((e) => kindName(e.kind) === filter);
}
