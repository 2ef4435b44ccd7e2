import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RacewayEvent } from '../model/event.js';
import type { Analyzer } from './analyzer.js';
import { createAnalyzer } from './create-analyzer.js';
import { storedEvents } from './fixtures/fixture-event.js';
import { randomTrace } from './fixtures/random-trace.js';

const options = { skewToleranceMs: 1, anomalyMinSamples: 5 };

/** Everything the analyzer says about the given traces and events. */
function snapshot(analyzer: Analyzer, events: readonly RacewayEvent[]) {
  const traces = [...new Set(events.map((e) => e.trace_id))].sort();
  return {
    traces: traces.map((t) => ({
      races: analyzer.traceRaces(t),
      audit: analyzer.auditTrails(t),
      graph: analyzer.causalGraph(t),
    })),
    computed: events.map((e) => analyzer.computed(e)),
    global: analyzer.globalAnalysis(1000),
    candidates: analyzer.globalRaceCandidates(),
    racy: [...analyzer.tracesWithRaces()].sort(),
  };
}

/** Two random traces interleaved in time, so cross-trace races appear too. */
const twoTraces = fc
  .tuple(randomTrace('p', 16), randomTrace('q', 16))
  .map(([a, b]) => [...a, ...b]);

describe('createAnalyzer results', () => {
  it('do not depend on arrival order or batching (children before parents, late parents)', () => {
    fc.assert(
      fc.property(
        twoTraces.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 40 }),
          ),
        ),
        ([events, shuffled, sizes]) => {
          const reference = createAnalyzer(options);
          reference.ingest(storedEvents(events));
          const expected = snapshot(reference, events);

          const analyzer = createAnalyzer(options);
          const stored = storedEvents(shuffled);
          for (let at = 0, k = 0; at < stored.length; k++) {
            const size = sizes[k % sizes.length]!;
            analyzer.ingest(stored.slice(at, at + size));
            at += size;
          }
          expect(snapshot(analyzer, events)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ignores a re-sent batch', () => {
    fc.assert(
      fc.property(twoTraces, (events) => {
        const once = createAnalyzer(options);
        once.ingest(storedEvents(events));
        const twice = createAnalyzer(options);
        twice.ingest(storedEvents(events));
        twice.ingest(storedEvents(events, 1000));
        expect(snapshot(twice, events)).toEqual(snapshot(once, events));
      }),
      { numRuns: 50 },
    );
  });
});
