import { contextIdOf } from '../../../collector/src/causality/execution-context';
import { eventInterval } from '../../../collector/src/model/event-interval';
import type { ApiEvent, EventKind, VariableAccess } from '../api/types';

let counter = 0;

/**
 * Builds an event as `GET /api/traces/:id` sends it: the stored event (`seq`, `time_us`), what the engine
 * computed (`clock`, `locks_held`, `context`) and the interval the route adds, derived with the collector's
 * own rules. Tests override what they care about; the derived fields follow the overrides.
 */
export function makeEvent(overrides: Partial<ApiEvent> = {}): ApiEvent {
  counter += 1;
  const wire = {
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
  const stored = {
    ...wire,
    seq: overrides.seq ?? counter,
    time_us: overrides.time_us ?? Date.parse(wire.timestamp) * 1000,
  };
  const { startUs, endUs } = eventInterval(stored);
  const context = overrides.context ?? contextIdOf(stored);
  return {
    clock: [[context, 1]],
    locks_held: [],
    context,
    start_us: startUs,
    end_us: endUs,
    ...stored,
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

/** An audit-trail access as the API sends it; tests override what they care about. */
export function makeAccess(id: string, overrides: Partial<VariableAccess> = {}): VariableAccess {
  return {
    event_id: id,
    timestamp: '2024-01-01T12:00:00.000Z',
    thread_id: 't1',
    context: 'c1',
    service_name: 'web',
    access_type: 'Write',
    location: 'a.ts:1',
    old_value: null,
    new_value: 1,
    locks_held: [],
    has_causal_link_to_previous: false,
    is_race: false,
    race_partners: [],
    race_partner_count: 0,
    ...overrides,
  };
}
