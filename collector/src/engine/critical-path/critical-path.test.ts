import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath } from './critical-path.js';
import { terminalCandidates, walkCriticalPath } from './critical-sections.js';
import { CRITICAL_PATH_CASES } from './fixtures/critical-path-traces.js';
import type { FixtureEvent } from './fixtures/fixture-trace.js';
import { fixtureTrace } from './fixtures/fixture-trace.js';
import { nestingForest } from './nesting-forest.js';

describe('criticalPath on named traces', () => {
  describe.each(CRITICAL_PATH_CASES)('$name', ({ rows, path, totalMs, wallMs }) => {
    const result = criticalPath(fixtureTrace(rows))!;

    it('walks the expected events in time order', () => {
      expect(result.path.map((step) => step.id)).toEqual(path);
      expect(result.path_events).toBe(path.length);
    });

    it('covers the expected time against the trace wall time', () => {
      expect(result.total_duration_ms).toBeCloseTo(totalMs, 6);
      expect(result.trace_total_duration_ms).toBeCloseTo(wallMs, 6);
      const expected = wallMs > 0 ? Math.round((totalMs / wallMs) * 10_000) / 100 : 0;
      expect(result.percentage_of_total).toBe(expected);
    });
  });

  it.each(CRITICAL_PATH_CASES.filter((c) => c.byService))(
    'shares the path between services: $name',
    ({ rows, byService }) => {
      const result = criticalPath(fixtureTrace(rows))!;
      expect(result.by_service.map((s) => [s.service, s.duration_ms])).toEqual(byService);
    },
  );
});

describe('criticalPath result shape', () => {
  it('is null for a trace without events', () => {
    expect(criticalPath(fixtureTrace([]))).toBeNull();
  });

  it('labels steps as spec §3.4 does and splits the path by operation', () => {
    const result = criticalPath(
      fixtureTrace([
        { id: 'handler', startMs: 0, durationMs: 10 },
        {
          id: 'call',
          startMs: 10,
          durationMs: 5,
          parent: 'handler',
          kind: { HttpRequest: { method: 'GET', url: '/users', headers: {} } },
        },
      ]),
    )!;
    expect(result.path.map(({ kind, location }) => ({ kind, location }))).toEqual([
      { kind: 'FunctionCall(handler)', location: 'app.ts:1' },
      { kind: 'HttpRequest(GET /users)', location: '/users' },
    ]);
    expect(result.path[0]).toMatchObject({ start_ms: 0, end_ms: 10, self_ms: 10, duration_ms: 10 });
    expect(result.path[0]!.timestamp).toBe('2024-01-01T12:00:00.000Z');
    expect(result.by_operation).toEqual([
      { operation: 'FunctionCall(handler)', duration_ms: 10, percentage: 66.67 },
      { operation: 'HttpRequest(GET)', duration_ms: 5, percentage: 33.33 },
    ]);
  });
});

/** Random small traces: events with optional durations on a few threads, parents among earlier rows. */
const randomTrace = fc
  .array(
    fc.record({
      startMs: fc.integer({ min: 0, max: 100 }),
      durationMs: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      thread: fc.constantFrom('t1', 't2', 't3'),
      service: fc.constantFrom('a', 'b'),
      parent: fc.option(fc.nat(), { nil: undefined }),
      calledBy: fc.option(fc.nat(), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((drafts) =>
    drafts.map((draft, index): FixtureEvent => {
      const row: FixtureEvent = {
        id: `e${String(index).padStart(2, '0')}`,
        startMs: draft.startMs,
        thread: draft.thread,
        service: draft.service,
      };
      if (draft.durationMs !== undefined) row.durationMs = draft.durationMs;
      if (index > 0 && draft.parent !== undefined)
        row.parent = `e${String(draft.parent % index).padStart(2, '0')}`;
      if (index > 0 && draft.calledBy !== undefined && draft.calledBy % 3 === 0)
        row.calledBy = `e${String(draft.calledBy % index).padStart(2, '0')}`;
      return row;
    }),
  );

/** Span trees: every child starts and ends inside its parent's window. */
const randomSpanTree = fc
  .array(
    fc.tuple(
      fc.nat(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    {
      maxLength: 20,
    },
  )
  .map((drafts) => {
    const rows: FixtureEvent[] = [{ id: 's00', startMs: 0, durationMs: 100 }];
    drafts.forEach(([parentPick, a, b], index) => {
      const parent = rows[parentPick % rows.length]!;
      const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
      const span = parent.durationMs!;
      rows.push({
        id: `s${String(index + 1).padStart(2, '0')}`,
        startMs: parent.startMs + Math.round(lo * span),
        durationMs: Math.round(hi * span) - Math.round(lo * span),
        thread: `span-${index + 1}`,
        parent: parent.id,
      });
    });
    return rows;
  });

describe('criticalPath invariants', () => {
  it('never covers more than the trace wall time, and each path step once', () => {
    fc.assert(
      fc.property(randomTrace, (rows) => {
        const result = criticalPath(fixtureTrace(rows))!;
        expect(result.total_duration_ms).toBeLessThanOrEqual(result.trace_total_duration_ms + 1e-9);
        const ids = result.path.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        const selfSum = result.path.reduce((sum, s) => sum + s.self_ms, 0);
        expect(selfSum).toBeCloseTo(result.total_duration_ms, 6);
        for (const step of result.path)
          expect(step.self_ms).toBeLessThanOrEqual(step.duration_ms + 1e-9);
      }),
    );
  });

  it('counts each instant of the trace at most once (sections are disjoint)', () => {
    fc.assert(
      fc.property(randomTrace, (rows) => {
        const forest = nestingForest(fixtureTrace(rows));
        for (const terminal of terminalCandidates(forest)) {
          const sections = [...walkCriticalPath(forest, terminal).sections].sort(
            (a, b) => a.start - b.start,
          );
          for (let i = 1; i < sections.length; i++)
            expect(sections[i]!.start).toBeGreaterThanOrEqual(sections[i - 1]!.end);
        }
      }),
    );
  });

  it('gives the same path whatever order the events arrived in', () => {
    fc.assert(
      fc.property(
        randomTrace.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(criticalPath(fixtureTrace(shuffled))).toEqual(criticalPath(fixtureTrace(rows)));
        },
      ),
    );
  });

  it('terminates with a sane path even when broken input makes the edges cyclic', () => {
    const anyEdges = fc
      .array(
        fc.record({
          startMs: fc.integer({ min: 0, max: 50 }),
          durationMs: fc.integer({ min: 0, max: 30 }),
          parent: fc.nat({ max: 9 }),
          calledBy: fc.nat({ max: 9 }),
        }),
        { minLength: 1, maxLength: 10 },
      )
      .map((drafts) =>
        drafts.map((d, i): FixtureEvent => ({
          id: `c${i}`,
          startMs: d.startMs,
          durationMs: d.durationMs,
          thread: `t${i % 3}`,
          parent: `c${d.parent % drafts.length}`,
          calledBy: `c${d.calledBy % drafts.length}`,
        })),
      );
    fc.assert(
      fc.property(anyEdges, (rows) => {
        const result = criticalPath(fixtureTrace(rows))!;
        expect(result.path_events).toBeGreaterThan(0);
        expect(result.total_duration_ms).toBeLessThanOrEqual(result.trace_total_duration_ms + 1e-9);
      }),
    );
  });

  it('on a span tree, the sections sum exactly to the root wall time', () => {
    fc.assert(
      fc.property(randomSpanTree, (rows) => {
        const result = criticalPath(fixtureTrace(rows))!;
        expect(result.total_duration_ms).toBeCloseTo(100, 6);
        expect(result.path[0]!.id).toBe('s00');
      }),
    );
  });
});

describe('criticalPath on large traces', () => {
  it('walks a 20 000-event chain stamped in reverse order without exhausting the stack', () => {
    const rows: FixtureEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `e${i}`,
      startMs: 20_000 - i,
      durationMs: 0.5,
      ...(i > 0 ? { parent: `e${i - 1}` } : {}),
    }));
    const result = criticalPath(fixtureTrace(rows))!;
    expect(result.path.length).toBeGreaterThan(0);
    expect(result.total_duration_ms).toBeLessThanOrEqual(result.trace_total_duration_ms);
  });

  it('descends a 20 000-deep span nesting without exhausting the stack', () => {
    const rows: FixtureEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `s${i}`,
      startMs: i * 0.001,
      durationMs: 100 - i * 0.002,
      thread: `span-${i}`,
      ...(i > 0 ? { parent: `s${i - 1}` } : {}),
    }));
    const result = criticalPath(fixtureTrace(rows))!;
    expect(result.path_events).toBe(20_000);
    expect(result.total_duration_ms).toBeCloseTo(100, 6);
  });
});
