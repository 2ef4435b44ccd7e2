import type { ApiEvent, EventKind } from '../api/types';

let counter = 0;

/** Builds an API event with sensible defaults; tests override what they care about. */
export function makeEvent(overrides: Partial<ApiEvent> & { kind?: EventKind } = {}): ApiEvent {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    trace_id: 'aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa',
    parent_id: null,
    timestamp: '2024-01-01T12:00:00.000Z',
    kind: { Custom: { name: 'tick', data: null } },
    metadata: {
      thread_id: 'main',
      process_id: 1,
      service_name: 'web',
      environment: 'test',
      tags: {},
    },
    causality_vector: [],
    lock_set: [],
    ...overrides,
  };
}

export function write(
  variable: string,
  oldValue: unknown,
  newValue: unknown,
  location: string,
): EventKind {
  return {
    StateChange: {
      variable,
      old_value: oldValue,
      new_value: newValue,
      location,
      access_type: 'Write',
    },
  };
}

export function read(variable: string, value: unknown, location: string): EventKind {
  return {
    StateChange: { variable, old_value: null, new_value: value, location, access_type: 'Read' },
  };
}
