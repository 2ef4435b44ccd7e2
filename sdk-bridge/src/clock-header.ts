import { sanitizeClock, type ClockVector } from './clock-vector.js';

/** The `raceway-clock` payload (spec §2.1, Appendix A). */
export interface ClockHeaderPayload {
  trace_id: string;
  /** The callee's span id (the same as in `traceparent`). */
  span_id: string;
  /** The caller's own span id, which becomes the callee's `upstream_span_id`. */
  parent_span_id: string;
  service: string;
  instance: string;
  clock: ClockVector;
}

export const CLOCK_HEADER = 'raceway-clock';

/** `v1;` + base64url without padding of the JSON payload. */
export function formatClockHeader(payload: ClockHeaderPayload): string {
  return `v1;${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
}

/** The payload, or undefined for anything malformed (malformed headers are ignored, spec §2.2). */
export function parseClockHeader(value: string | undefined): ClockHeaderPayload | undefined {
  if (!value?.startsWith('v1;')) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(value.slice(3), 'base64url').toString('utf8'));
    if (typeof json !== 'object' || json === null) return undefined;
    const p = json as Record<string, unknown>;
    const text = (k: string): string => (typeof p[k] === 'string' ? p[k] : '');
    return {
      trace_id: text('trace_id'),
      span_id: text('span_id'),
      parent_span_id: text('parent_span_id'),
      service: text('service'),
      instance: text('instance'),
      clock: sanitizeClock(p.clock),
    };
  } catch {
    return undefined;
  }
}
