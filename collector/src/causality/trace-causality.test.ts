import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachability } from '../engine/fixtures/all-pairs-oracle.js';
import { storedEvents } from '../engine/fixtures/fixture-event.js';
import { randomTrace } from '../engine/fixtures/random-trace.js';
import { s4 } from '../engine/fixtures/scenarios.js';
import { traceCausality } from './trace-causality.js';

function causalityOf(events: ReturnType<typeof storedEvents>) {
  const idIndex = new Map(events.map((e, i) => [e.id, i]));
  return traceCausality(events, idIndex, 1000);
}

describe('traceCausality', () => {
  it('happens-before is a strict partial order on random traces', () => {
    fc.assert(
      fc.property(randomTrace(), (wire) => {
        const c = causalityOf(storedEvents(wire));
        const n = wire.length;
        for (let a = 0; a < n; a++) {
          expect(c.happensBefore(a, a)).toBe(false);
          for (let b = 0; b < n; b++) {
            if (!c.happensBefore(a, b)) continue;
            expect(c.happensBefore(b, a)).toBe(false);
            for (let d = 0; d < n; d++)
              if (c.happensBefore(b, d)) expect(c.happensBefore(a, d)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('vector clocks agree with reachability over the direct edges', () => {
    fc.assert(
      fc.property(randomTrace(), (wire) => {
        const c = causalityOf(storedEvents(wire));
        const reach = reachability(wire.length, c.edges);
        for (let a = 0; a < wire.length; a++)
          for (let b = 0; b < wire.length; b++) expect(c.happensBefore(a, b)).toBe(reach[a]![b]);
      }),
      { numRuns: 300 },
    );
  });

  it('orders every edge forward in the canonical order', () => {
    fc.assert(
      fc.property(randomTrace(), (wire) => {
        const c = causalityOf(storedEvents(wire));
        const rank = new Map(Array.from(c.order, (i, k) => [i, k]));
        for (const e of c.edges) expect(rank.get(e.from)!).toBeLessThan(rank.get(e.to)!);
      }),
      { numRuns: 200 },
    );
  });

  it('orders a context by its parent chain even when a child is stamped before its parent', () => {
    const events = storedEvents(s4());
    const late = events.map((e) =>
      e.id === events[1]!.id ? { ...e, time_us: events[0]!.time_us - 5 } : e,
    );
    const c = causalityOf(late);
    expect(c.happensBefore(0, 1)).toBe(true);
    expect(c.pos[1]).toBe(2);
  });
});
