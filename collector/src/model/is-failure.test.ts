import { describe, expect, it } from 'vitest';
import { call, fixtureEvent, storedEvents } from '../engine/fixtures/fixture-event.js';
import type { EventKind } from './event.js';
import { isFailure } from './is-failure.js';

const response = (status: number): EventKind => ({
  HttpResponse: { status, headers: {}, body: null, duration_ms: 0 },
});
const error: EventKind = { Error: { error_type: 'Timeout', message: 'late', stack_trace: [] } };

describe('isFailure', () => {
  it.each([
    { what: 'an Error event', kind: error, failure: true },
    { what: 'a 500 response', kind: response(500), failure: true },
    { what: 'a 503 response', kind: response(503), failure: true },
    { what: 'a 404 response', kind: response(404), failure: false },
    { what: 'a 200 response', kind: response(200), failure: false },
    { what: 'a function call', kind: call('f'), failure: false },
  ])('$what is a failure: $failure', ({ kind, failure }) => {
    const [event] = storedEvents([
      fixtureEvent({ name: 'e', trace: 't', thread: 'm', at: 0, kind }),
    ]);
    expect(isFailure(event!)).toBe(failure);
  });
});
