import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../api/types';
import { makeEvent } from '../testing/event-factory';
import { eventIntervalMs, eventLabel } from './event-kind';

function event(extra: Partial<ApiEvent>): ApiEvent {
  return makeEvent({
    timestamp: '2026-11-26T12:00:00.100Z',
    kind: { FunctionCall: { function_name: 'f', module: 'm', args: {}, file: 'f.ts', line: 1 } },
    metadata: {
      thread_id: 'th',
      process_id: 1,
      service_name: 's',
      environment: 'test',
      tags: {},
      duration_ns: 20_000_000,
    },
    ...extra,
  });
}

describe('eventIntervalMs', () => {
  it('draws the interval the collector sent (an SDK call stamped when it returned ends at its timestamp)', () => {
    const e = event({ time_us: 1_000_100_000, start_us: 1_000_080_000, end_us: 1_000_100_000 });
    expect(eventIntervalMs(e)).toEqual({ startMs: 1_000_080, endMs: 1_000_100 });
  });
});

describe('eventLabel', () => {
  it.each([
    [1, '1 row'],
    [3, '3 rows'],
  ])('labels a database result of %i affected rows as "%s"', (rows, label) => {
    expect(eventLabel(event({ kind: { DatabaseResult: { rows_affected: rows } } }))).toBe(label);
  });
});
