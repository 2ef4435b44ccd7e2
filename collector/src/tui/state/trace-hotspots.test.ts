import { describe, expect, it } from 'vitest';
import { bankingRaceTrace } from '../../../test/tui/fixtures/banking-race-trace.js';
import { traceHotspots } from './trace-hotspots.js';

describe('trace hotspots', () => {
  it('counts reads and writes per variable, calls per function and events per service', () => {
    const h = traceHotspots(bankingRaceTrace.events);
    expect(h.variables).toEqual([{ variable: 'alice.balance', reads: 2, writes: 2, threads: 2 }]);
    expect(h.functions).toEqual([]);
    expect(h.services).toEqual([{ service: 'banking-api', events: 8, share: 100 }]);
  });
});
