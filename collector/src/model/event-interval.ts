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
  const us = durationUs(event);
  if (us > 0 && stampedAtEnd(event)) return { startUs: event.time_us - us, endUs: event.time_us };
  return { startUs: event.time_us, endUs: event.time_us + us };
}

/**
 * `duration_ns`, else the `duration_ms` an HTTP response or a database query carries in its payload
 * (the SDKs fill both; hand-written events often only the latter).
 */
function durationUs(event: StoredEvent): number {
  const ns = event.metadata.duration_ns;
  if (typeof ns === 'number' && ns > 0) return ns / 1000;
  const { kind } = event;
  const ms =
    'HttpResponse' in kind
      ? kind.HttpResponse.duration_ms
      : 'DatabaseQuery' in kind
        ? kind.DatabaseQuery.duration_ms
        : undefined;
  return typeof ms === 'number' && ms > 0 ? ms * 1000 : 0;
}

function stampedAtEnd(event: StoredEvent): boolean {
  const { tags } = event.metadata;
  if (tags['source'] === 'otlp') return false;
  if ('HttpResponse' in event.kind) return true;
  return 'FunctionCall' in event.kind && tags['sdk_language'] !== undefined;
}
