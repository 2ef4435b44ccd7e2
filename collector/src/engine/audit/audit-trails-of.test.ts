import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexOfEvents } from '../../causality/event-index.js';
import { access, fixtureEvent as ev, storedEvents, uuidOf } from '../fixtures/fixture-event.js';
import { randomTrace } from '../fixtures/random-trace.js';
import { analyzeTrace } from '../races/trace-analysis.js';
import { auditTrailsOf } from './audit-trails-of.js';

describe('audit trail of one variable', () => {
  it('is that variable’s trail from the trail of every variable, racing partners included', () => {
    fc.assert(
      fc.property(randomTrace(), (wire) => {
        const events = storedEvents(wire);
        const analysis = analyzeTrace(uuidOf('prop'), events, indexOfEvents(events), 1000);
        const all = auditTrailsOf(analysis);
        for (const variable of Object.keys(all))
          expect(auditTrailsOf(analysis, variable)).toEqual({ [variable]: all[variable] });
        expect(auditTrailsOf(analysis, 'never-touched')).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a trail for a variable named like a member of every object (constructor, __proto__)', () => {
    const names = ['constructor', '__proto__', 'toString'];
    // Two threads write each variable without a lock: every access has one racing partner.
    const write = (name: string, thread: string, at: number) =>
      ev({
        name: `${name}-${thread}`,
        trace: 'odd',
        thread,
        at,
        kind: access(name, 'Write', thread),
      });
    const wire = names.flatMap((name, k) => [write(name, 'T1', k), write(name, 'T2', k)]);
    const events = storedEvents(wire);
    const analysis = analyzeTrace(uuidOf('odd'), events, indexOfEvents(events), 1000);
    const all = auditTrailsOf(analysis);
    expect(Object.keys(all).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(Object.hasOwn(all, name)).toBe(true);
      expect(all[name]!.map((a) => a.race_partner_count)).toEqual([1, 1]);
      expect(auditTrailsOf(analysis, name)[name]).toEqual(all[name]);
    }
    // A variable the trace never touched has no trail, whatever its name.
    const untouched: string = 'valueOf';
    expect(auditTrailsOf(analysis, untouched)[untouched]).toBeUndefined();
  });
});
