import { describe, expect, it } from 'vitest';
import { bankingRaceTrace } from '../../../test/tui/fixtures/banking-race-trace.js';
import { serviceBreakdown } from './service-breakdown.js';

describe('service breakdown', () => {
  it('counts events, threads and races by their real severity for each service', () => {
    expect(serviceBreakdown(bankingRaceTrace)).toEqual([
      {
        service: 'banking-api',
        events: 8,
        threads: 2,
        critical: 1,
        warning: 2,
        criticalPathMs: 30,
      },
    ]);
  });
});
