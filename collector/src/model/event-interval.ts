import type { StoredEvent } from './stored-event.js';

/** When an event's work happened, in microseconds since the epoch (an instant when start = end). */
export interface EventInterval {
  startUs: number;
  endUs: number;
}

/**
 * The event's interval from its timestamp and `duration_ns`. An HTTP response is recorded when it is
 * sent, and the Raceway SDKs (which tag every event with `sdk_language`) record a timed function call
 * (`trackFunction`, `track_function`) when it returns: their timestamp is the END of the interval, as the
 * real SDKs' traffic shows. Spans converted from OTLP, and hand-written events without an SDK tag (the
 * spec's scenarios), are stamped at their start. Reading SDK events as starts doubled request times and
 * made sequential requests overlap.
 */
export function eventInterval(event: StoredEvent): EventInterval {
  const ns = event.metadata.duration_ns;
  const us = typeof ns === 'number' && ns > 0 ? ns / 1000 : 0;
  if (us > 0 && stampedAtEnd(event)) return { startUs: event.time_us - us, endUs: event.time_us };
  return { startUs: event.time_us, endUs: event.time_us + us };
}

function stampedAtEnd(event: StoredEvent): boolean {
  const { tags } = event.metadata;
  if (tags['source'] === 'otlp') return false;
  if ('HttpResponse' in event.kind) return true;
  return 'FunctionCall' in event.kind && tags['sdk_language'] !== undefined;
}
