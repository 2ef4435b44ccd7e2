import { describe, expect, it } from 'vitest';
import { applyKindFilter, cycleKindFilter, kindsPresent } from './event-filter.js';
import { bankingRaceTrace } from '../../../test/tui/fixtures/banking-race-trace.js';

describe('event kind filter', () => {
  const events = bankingRaceTrace.events;

  it('offers the kinds present in the trace, in first-seen order', () => {
    expect(kindsPresent(events)).toEqual(['HttpRequest', 'StateChange', 'HttpResponse']);
  });

  it('cycles all → each kind → all', () => {
    const kinds = kindsPresent(events);
    expect(cycleKindFilter(undefined, kinds)).toBe('HttpRequest');
    expect(cycleKindFilter('HttpRequest', kinds)).toBe('StateChange');
    expect(cycleKindFilter('HttpResponse', kinds)).toBeUndefined();
  });

  it('matches HttpRequest and HttpResponse by their variant names (old filters 3 and 4 never did)', () => {
    expect(applyKindFilter(events, 'HttpRequest')).toHaveLength(2);
    expect(applyKindFilter(events, 'HttpResponse')).toHaveLength(2);
    expect(applyKindFilter(events, 'StateChange')).toHaveLength(4);
    expect(applyKindFilter(events, undefined)).toHaveLength(8);
  });
});
