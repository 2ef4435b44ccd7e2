import { describe, expect, it } from 'vitest';
import { storedEvents, uuidOf as id } from '../fixtures/fixture-event.js';
import { s3Spawn, s9b } from '../fixtures/scenarios.js';
import { analyzeTrace } from '../races/trace-analysis.js';
import { traceViewOf } from './trace-view-of.js';

function viewOf(wire: Parameters<typeof storedEvents>[0]) {
  const events = storedEvents(wire);
  return traceViewOf(
    analyzeTrace(events[0]!.trace_id, events, new Map(events.map((e, i) => [e.id, i])), 1000),
  );
}

describe('traceViewOf', () => {
  it('lists events by (time, seq) and answers happens-before by event id', () => {
    const view = viewOf([...s3Spawn()].reverse());
    expect(view.events.map((e) => e.id)).toEqual(['s3s-root', 's3s-child', 's3s-sibling'].map(id));
    expect(view.happensBefore(id('s3s-root'), id('s3s-child'))).toBe(true);
    expect(view.happensBefore(id('s3s-child'), id('s3s-root'))).toBe(false);
    expect(view.happensBefore(id('s3s-child'), id('s3s-sibling'))).toBe(false);
    expect(view.happensBefore('unknown', id('s3s-child'))).toBe(false);
  });

  it('gives each event its context and the direct edges, call edges included', () => {
    const view = viewOf(s9b());
    expect(view.contextOf(id('s9b-b2'))).toBe(`${id('s9b')}/service-b#b1/b-thread`);
    expect(view.contextOf('unknown')).toBeUndefined();
    expect(view.edges).toEqual([
      { from: id('s9b-a1'), to: id('s9b-a2'), type: 'program' },
      { from: id('s9b-b1'), to: id('s9b-b2'), type: 'program' },
      { from: id('s9b-a2'), to: id('s9b-b1'), type: 'call' },
    ]);
  });
});
