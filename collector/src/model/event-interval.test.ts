import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './stored-event.js';
import { eventInterval } from './event-interval.js';

function event(
  kind: StoredEvent['kind'],
  durationNs: number | null,
  tags: Record<string, string> = {},
): StoredEvent {
  return {
    id: 'e',
    trace_id: 't',
    timestamp: '2026-11-24T16:53:29.000Z',
    time_us: 1_000_000,
    seq: 1,
    kind,
    metadata: {
      thread_id: 'th',
      process_id: 1,
      service_name: 's',
      environment: 'test',
      tags,
      duration_ns: durationNs,
    },
    causality_vector: [],
    lock_set: [],
  };
}

const call = { FunctionCall: { function_name: 'f', module: 'm', args: {}, file: 'f.ts', line: 1 } };
const response = { HttpResponse: { status: 200, headers: {}, duration_ms: 23 } };
const write = {
  StateChange: { variable: 'x', new_value: 1, location: 'f.ts:2', access_type: 'Write' as const },
};

describe('eventInterval', () => {
  it.each([
    [
      'a timed function call from an SDK (recorded when it returns)',
      event(call, 23_000_000, { sdk_language: 'python' }),
      977_000,
      1_000_000,
    ],
    [
      'a hand-written function call without an SDK tag (stamped at its start)',
      event(call, 23_000_000),
      1_000_000,
      1_023_000,
    ],
    [
      'a native HTTP response (recorded when it is sent)',
      event(response, 23_000_000),
      977_000,
      1_000_000,
    ],
    [
      'a function call converted from an OTLP span (stamped at its start)',
      event(call, 23_000_000, { source: 'otlp', sdk_language: 'nodejs' }),
      1_000_000,
      1_023_000,
    ],
    ['an access with a duration', event(write, 5_000_000), 1_000_000, 1_005_000],
    [
      "an OTLP span's closing HTTP response (an instant at the span end, whatever its duration_ms)",
      event(response, null, { source: 'otlp' }),
      1_000_000,
      1_000_000,
    ],
    ['an event without a duration', event(call, null), 1_000_000, 1_000_000],
  ])('reads %s', (_what, e, startUs, endUs) => {
    expect(eventInterval(e)).toEqual({ startUs, endUs });
  });
});
