import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureTrace } from '../critical-path/fixtures/fixture-trace.js';
import { DEPENDENCY_CASES } from './fixtures/dependency-traces.js';
import { traceDependencies } from './trace-dependencies.js';

describe('traceDependencies', () => {
  it.each(DEPENDENCY_CASES)('$name', ({ rows, services, dependencies }) => {
    const result = traceDependencies(fixtureTrace(rows, 'trace-9'));
    expect(result.trace_id).toBe('trace-9');
    expect(result.services.map((s) => [s.name, s.event_count])).toEqual(services);
    expect(result.dependencies.map((d) => [d.from, d.to, d.call_count])).toEqual(dependencies);
  });

  it.each(DEPENDENCY_CASES)('does not depend on arrival order: $name', ({ rows }) => {
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length }), (shuffled) => {
        expect(traceDependencies(fixtureTrace(shuffled))).toEqual(
          traceDependencies(fixtureTrace(rows)),
        );
      }),
      { numRuns: 20 },
    );
  });
});
