import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexOfEvents } from '../../causality/event-index.js';
import { storedEvents, uuidOf } from '../fixtures/fixture-event.js';
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
});
