import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../model/stored-event.js';
import type { FixtureEvent } from '../critical-path/fixtures/fixture-trace.js';
import { fixtureEvent, functionCall } from '../critical-path/fixtures/fixture-trace.js';
import { AnomalyDetector } from './anomaly-detector.js';

let next = 0;
/** One event in its own trace, as in spec §9 S8 (one root FunctionCall per trace). */
function call(durationMs: number, overrides: Partial<FixtureEvent> = {}): StoredEvent {
  next++;
  return fixtureEvent(
    { id: `e${next}`, startMs: next, durationMs, kind: functionCall('get_users'), ...overrides },
    `trace-${next}`,
    next,
  );
}

function detectorAfter(events: StoredEvent[]): AnomalyDetector {
  const detector = new AnomalyDetector({ minSamples: 5 });
  events.forEach((e) => detector.observe(e));
  return detector;
}

describe('AnomalyDetector (spec §9 S8)', () => {
  it('flags 100 ms after five 50 ms calls as Critical, with the old description', () => {
    const warmUp = [50, 50, 50, 50, 50].map((d) => call(d));
    const slow = call(100);
    const detector = detectorAfter([...warmUp, slow]);
    expect(detector.judge([slow])).toEqual([
      expect.objectContaining({
        event_id: slow.id,
        event_kind: 'FunctionCall(get_users)',
        service_name: 'svc',
        severity: 'Critical',
        actual_duration_ms: 100,
        expected_duration_ms: 50,
        std_dev_from_mean: 10,
        baseline_count: 5,
        description:
          'FunctionCall(get_users) took 100.00ms (expected 50.00ms ± 0.00ms, 10.0σ from mean)',
        location: 'app.ts:1 (get_users)',
        timestamp: slow.timestamp,
      }),
    ]);
  });

  it('judges no warm-up trace: each has fewer than five other samples before the slow one arrives', () => {
    const detector = new AnomalyDetector({ minSamples: 5 });
    for (const event of [50, 50, 50, 50, 50].map((d) => call(d))) {
      detector.observe(event);
      expect(detector.judge([event])).toEqual([]);
    }
  });

  it('gives the same answer whichever endpoint asks first, and again on re-asking (old: Minor then Critical)', () => {
    const slow = call(100);
    const detector = detectorAfter([...[50, 50, 50, 50, 50].map((d) => call(d)), slow]);
    const first = detector.judge([slow]);
    expect(detector.judge([slow])).toEqual(first);
    expect(detector.judge([slow])).toEqual(first);
  });

  it.each([
    [52, []],
    [60, []],
    [70, []],
    [75, ['Minor']],
    [90, ['Critical']],
  ])('with warm-up 40, 50, 60, 45, 55, judges %d ms as %j', (ms, severities) => {
    const judged = call(ms);
    const detector = detectorAfter([...[40, 50, 60, 45, 55].map((d) => call(d)), judged]);
    expect(detector.judge([judged]).map((a) => a.severity)).toEqual(severities);
  });

  it('keeps baselines per service: a slow call in another service has its own history', () => {
    const events = [50, 50, 50, 50, 50].map((d) => call(d));
    const other = call(500, { service: 'reports' });
    const detector = detectorAfter([...events, other]);
    expect(detector.judge([other])).toEqual([]);
    expect(detector.baseline('reports', 'FunctionCall(get_users)')?.count).toBe(1);
  });

  it('flags HttpResponse(200) at 40 ms against count 10, mean 17, std 2, and not at 17 ms', () => {
    const response = (ms: number): StoredEvent =>
      call(ms, { kind: { HttpResponse: { status: 200, headers: {}, duration_ms: ms } } });
    const baseline = [15, 19, 15, 19, 15, 19, 15, 19, 15, 19].map(response);
    const [slow, usual] = [response(40), response(17)];
    const detector = detectorAfter([...baseline, slow, usual]);
    const found = detector.judge([slow, usual]);
    expect(found.map((a) => [a.event_id, a.event_kind, a.severity])).toEqual([
      [slow.id, 'HttpResponse(200)', 'Critical'],
    ]);
  });

  it('forgets evicted events so they no longer shape the baseline', () => {
    const old = [500, 500, 500, 500, 500].map((d) => call(d));
    const recent = [50, 50, 50, 50, 50].map((d) => call(d));
    const slow = call(100);
    const detector = detectorAfter([...old, ...recent, slow]);
    expect(detector.judge([slow])).toEqual([]);
    detector.forget(old);
    expect(detector.judge([slow]).map((a) => a.severity)).toEqual(['Critical']);
  });

  it('ignores events without a duration', () => {
    const instant = fixtureEvent({ id: 'instant', startMs: 0 });
    const detector = detectorAfter([instant]);
    expect(detector.judge([instant])).toEqual([]);
  });
});

/** A seeded normal sample (Box–Muller over mulberry32), so the property is reproducible. */
function normalSample(seed: number, n: number, mean: number, std: number): number[] {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => {
    const u = 1 - uniform();
    return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  });
}

describe('AnomalyDetector invariants', () => {
  it('flags well under 5 % of normally distributed durations (the old 1.5σ rule flags ~13 %)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 20, max: 200 }), (seed, mean) => {
        const events = normalSample(seed, 400, mean, mean / 10).map((d) => call(Math.max(d, 0)));
        const flagged = detectorAfter(events).judge(events).length;
        expect(flagged / events.length).toBeLessThan(0.02);
      }),
      { numRuns: 20 },
    );
  });

  it('answers the same whatever the order of queries and however often they repeat', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        (traces, queries) => {
          const traceEvents = traces.map((durations) => durations.map((d) => call(d)));
          const detector = detectorAfter(traceEvents.flat());
          const fresh = traceEvents.map((events) => detector.judge(events));
          for (const q of queries) {
            const index = q % traceEvents.length;
            expect(detector.judge(traceEvents[index]!)).toEqual(fresh[index]);
          }
        },
      ),
    );
  });

  it('flags the same events with the same severities whatever order they were observed in', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 300 }), { minLength: 6, maxLength: 40 })
          .chain((durations) =>
            fc.tuple(
              fc.constant(durations),
              fc.shuffledSubarray(
                durations.map((_, i) => i),
                { minLength: durations.length },
              ),
            ),
          ),
        ([durations, order]) => {
          const events = durations.map((d) => call(d));
          const summary = (detector: AnomalyDetector): unknown =>
            detector
              .judge(events)
              .map((a) => [a.event_id, a.severity, a.expected_duration_ms.toFixed(3)]);
          expect(summary(detectorAfter(order.map((i) => events[i]!)))).toEqual(
            summary(detectorAfter(events)),
          );
        },
      ),
    );
  });
});
