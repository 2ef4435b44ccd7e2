import { describe, expect, it } from 'vitest';
import type { RacewayEvent } from '../model/event.js';
import { createAnalyzer } from './create-analyzer.js';
import {
  access,
  call,
  fixtureEvent as ev,
  storedEvents,
  uuidOf,
} from './fixtures/fixture-event.js';
import { EAGER_ANALYSIS_MAX_EVENTS } from './races/trace-registry.js';
import { s1, s10, s2, s3, s3Spawn, s4, s5, s6, s9b } from './fixtures/scenarios.js';

const options = { skewToleranceMs: 1, anomalyMinSamples: 5 };

function analyzerWith(events: readonly RacewayEvent[]) {
  const analyzer = createAnalyzer(options);
  analyzer.ingest(storedEvents(events));
  return analyzer;
}

const pairsOf = (races: {
  race_details: Array<{ event1_id: string; event2_id: string; severity: string }>;
}) => races.race_details.map((d) => [d.event1_id, d.event2_id, d.severity]);
const id = uuidOf;
/** An event by its fixture names: the trace's and its own. */
const ref = (trace: string, name: string) => ({ trace_id: id(trace), id: id(name) });

describe('races in one trace (spec §9)', () => {
  it('S1: reports a write/write race between two workers without a common lock', () => {
    const analyzer = analyzerWith(s1());
    const races = analyzer.traceRaces(id('s1'));
    expect(races.potential_races).toBe(1);
    expect(races.concurrent_events).toBe(1);
    expect(races.race_details[0]).toMatchObject({
      severity: 'CRITICAL',
      variable: 'balance',
      event1_thread: 'worker-1',
      event2_thread: 'worker-2',
      event1_location: 'balance.rs:12',
      event2_location: 'balance.rs:45',
      group_count: 1,
    });
    expect(races.anomalies[0]).toBe('🚨 CRITICAL RACE on balance');
    expect(races.anomalies[1]).toMatch(/^ {3}Event 1: [0-9a-f]{8} @ balance\.rs:12 \[worker-1\]$/);
    expect(races.groups).toHaveLength(1);
    const trail = analyzer.auditTrail(id('s1'), 'balance');
    expect(trail.map((a) => [a.has_causal_link_to_previous, a.is_race])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(analyzer.tracesWithRaces().has(id('s1'))).toBe(true);
  });

  it('S2: writers that both hold the same mutex do not race', () => {
    const analyzer = analyzerWith(s2());
    expect(analyzer.traceRaces(id('s2')).potential_races).toBe(0);
    const trail = analyzer.auditTrail(id('s2'), 'balance');
    expect(trail[1]).toMatchObject({ has_causal_link_to_previous: false, is_race: false });
    expect(trail.map((a) => a.locks_held)).toEqual([['balance-lock'], ['balance-lock']]);
    expect(analyzer.tracesWithRaces().has(id('s2'))).toBe(false);
  });

  it('S2b: a lock released before the write no longer protects it (1 CRITICAL race)', () => {
    const races = analyzerWith(s2(true)).traceRaces(id('s2b'));
    expect(races.potential_races).toBe(1);
    expect(races.race_details[0]?.severity).toBe('CRITICAL');
  });

  it('counts the acquire event inside the lock and the release event outside it', () => {
    const analyzer = analyzerWith(s2(true));
    expect(analyzer.computed(ref('s2b', 's2b-acq-a'))?.locks_held).toEqual(['balance-lock']);
    expect(analyzer.computed(ref('s2b', 's2b-rel-a'))?.locks_held).toEqual([]);
  });

  it('S3: a write handed over through the parent chain happens before the next one', () => {
    const analyzer = analyzerWith(s3());
    expect(analyzer.traceRaces(id('s3')).potential_races).toBe(0);
    expect(analyzer.auditTrail(id('s3'), 'x')[1]).toMatchObject({
      has_causal_link_to_previous: true,
      is_race: false,
    });
  });

  it('S3 spawn: the root happens before both children, which are concurrent', () => {
    const analyzer = analyzerWith(s3Spawn());
    const graph = analyzer.causalGraph(id('s3s'));
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: id('s3s-root'), to: id('s3s-child'), type: 'spawn' },
        { from: id('s3s-root'), to: id('s3s-sibling'), type: 'spawn' },
      ]),
    );
    const clock = (name: string) => new Map(analyzer.computed(ref('s3s', name))!.clock);
    const root = analyzer.computed(ref('s3s', 's3s-root'))!;
    expect(clock('s3s-child').get(root.context)).toBe(1);
    expect(clock('s3s-sibling').get(root.context)).toBe(1);
    expect(
      clock('s3s-sibling').get(analyzer.computed(ref('s3s', 's3s-child'))!.context),
    ).toBeUndefined();
  });

  it('S4: reports exactly the 3 banking pairs, ordered by the earlier access', () => {
    const analyzer = analyzerWith(s4());
    const races = analyzer.traceRaces(id('s4'));
    expect(races.potential_races).toBe(3);
    expect(pairsOf(races)).toEqual([
      [id('e2'), id('e6'), 'WARNING'],
      [id('e4'), id('e5'), 'WARNING'],
      [id('e5'), id('e6'), 'CRITICAL'],
    ]);
    expect(races.groups.map((g) => [g.severity, g.count])).toEqual([
      ['WARNING', 2],
      ['CRITICAL', 1],
    ]);
    const trail = analyzer.auditTrail(id('s4'), 'account_balance');
    expect(trail.map((a) => a.event_id)).toEqual(['e2', 'e4', 'e5', 'e6'].map(id));
    expect(trail.map((a) => a.is_race)).toEqual([false, false, true, true]);
    expect(trail.map((a) => a.has_causal_link_to_previous)).toEqual([true, false, false, false]);
  });

  it('S9b: a write before an HTTP call happens before the callee write (0 races, the old server said 1)', () => {
    const analyzer = analyzerWith(s9b());
    expect(analyzer.traceRaces(id('s9b')).potential_races).toBe(0);
    expect(analyzer.causalGraph(id('s9b')).edges).toContainEqual({
      from: id('s9b-a2'),
      to: id('s9b-b1'),
      type: 'call',
    });
  });

  it('S9b without the skew margin: a callee stamped before the caller event gets no call edge', () => {
    const events = s9b().map((e) =>
      e.id === id('s9b-a2') ? { ...e, timestamp: '2024-01-01T12:00:00.009500Z' } : e,
    );
    expect(analyzerWith(events).traceRaces(id('s9b')).potential_races).toBe(1);
  });

  it('S10: propagated clocks order the caller before the callee despite the callee host clock', () => {
    const analyzer = analyzerWith(s10());
    const graph = analyzer.causalGraph(id('s10'));
    expect(graph.edges).toContainEqual({
      from: id('s10-caller-8'),
      to: id('s10-callee-1'),
      type: 'call',
    });
    expect(graph.edges).toContainEqual({
      from: id('s10-callee-2'),
      to: id('s10-caller-11'),
      type: 'return',
    });
    const pairs = pairsOf(analyzer.traceRaces(id('s10')));
    // caller-10 ran during the call; other-5 shares the instance counter but not the caller's span.
    expect(pairs).toEqual([
      [id('s10-callee-2'), id('s10-other-5'), 'WARNING'],
      [id('s10-callee-2'), id('s10-caller-10'), 'WARNING'],
      [id('s10-other-5'), id('s10-caller-8'), 'CRITICAL'],
      [id('s10-other-5'), id('s10-caller-10'), 'CRITICAL'],
      [id('s10-other-5'), id('s10-caller-11'), 'CRITICAL'],
    ]);
  });
});

describe('ingest', () => {
  it('announces race groups that appear or grow in a batch', () => {
    const analyzer = createAnalyzer(options);
    const events = storedEvents(s4());
    expect(analyzer.ingest(events.slice(0, 4)).races).toEqual([]);
    expect(analyzer.ingest(events.slice(4, 5)).races).toEqual([
      { trace_id: id('s4'), variable: 'account_balance', severity: 'WARNING', count: 1 },
    ]);
    expect(analyzer.ingest(events.slice(5)).races).toEqual([
      { trace_id: id('s4'), variable: 'account_balance', severity: 'WARNING', count: 2 },
      { trace_id: id('s4'), variable: 'account_balance', severity: 'CRITICAL', count: 1 },
    ]);
  });

  it('announces a race group that a query found in a big trace between its doublings, once', () => {
    const analyzer = createAnalyzer(options);
    // A chain of calls longer than the eager-analysis limit: re-analysed at ingest only when doubled.
    const chain = Array.from({ length: EAGER_ANALYSIS_MAX_EVENTS + 10 }, (_, k) =>
      ev({
        name: `big-${k}`,
        trace: 'big',
        parent: k === 0 ? undefined : `big-${k - 1}`,
        thread: 'main',
        at: k * 0.01,
        kind: call(`step${k}`),
      }),
    );
    const racing = ['a', 'b'].map((thread, k) =>
      ev({
        name: `big-write-${thread}`,
        trace: 'big',
        thread: `worker-${thread}`,
        at: 20 + k,
        kind: access('counter', 'Write', `big.ts:${k + 1}`, k + 1, 0),
      }),
    );
    analyzer.ingest(storedEvents(chain));
    expect(analyzer.ingest(storedEvents(racing, 5_000)).races).toEqual([]);
    expect(analyzer.traceRaces(id('big')).potential_races).toBe(1);
    const unrelated = storedEvents(s1(), 6_000);
    const next = analyzer.ingest(unrelated).races;
    expect(next).toContainEqual({
      trace_id: id('big'),
      variable: 'counter',
      severity: 'CRITICAL',
      count: 1,
    });
    expect(analyzer.ingest(storedEvents(s4(), 7_000)).races.map((r) => r.trace_id)).not.toContain(
      id('big'),
    );
  });

  it('announces a group found by a query and grown at the next ingest once, with its latest count', () => {
    const analyzer = createAnalyzer(options);
    const chain = (from: number, count: number) =>
      Array.from({ length: count }, (_, k) =>
        ev({
          name: `grow-${from + k}`,
          trace: 'grow',
          thread: 'main',
          at: (from + k) * 0.01,
          kind: call(`s${from + k}`),
        }),
      );
    const write = (thread: string, at: number, line: number) =>
      ev({
        name: `grow-write-${thread}`,
        trace: 'grow',
        thread: `worker-${thread}`,
        at,
        kind: access('counter', 'Write', `grow.ts:${line}`, 1, 0),
      });
    analyzer.ingest(storedEvents(chain(0, EAGER_ANALYSIS_MAX_EVENTS + 10)));
    analyzer.ingest(storedEvents([write('a', 30, 1), write('b', 31, 2)], 5_000));
    expect(analyzer.traceRaces(id('grow')).potential_races).toBe(1);
    // Doubles the trace (analysed at this ingest), and c races with a and with b.
    const next = analyzer.ingest(
      storedEvents([...chain(2_000, EAGER_ANALYSIS_MAX_EVENTS + 20), write('c', 32, 2)], 6_000),
    );
    expect(
      next.races
        .filter((r) => r.trace_id === id('grow'))
        .map((r) => r.count)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('does not announce what a query found in a trace forgotten before the next ingest', () => {
    const analyzer = createAnalyzer(options);
    const chain = Array.from({ length: EAGER_ANALYSIS_MAX_EVENTS + 10 }, (_, k) =>
      ev({ name: `gone-${k}`, trace: 'gone', thread: 'main', at: k * 0.01, kind: call(`s${k}`) }),
    );
    const racing = ['a', 'b'].map((thread, k) =>
      ev({
        name: `gone-write-${thread}`,
        trace: 'gone',
        thread: `worker-${thread}`,
        at: 20 + k,
        kind: access('counter', 'Write', `gone.ts:${k + 1}`, k + 1, 0),
      }),
    );
    analyzer.ingest(storedEvents([...chain, ...racing.slice(0, 1)]));
    analyzer.ingest(storedEvents(racing.slice(1), 5_000));
    expect(analyzer.traceRaces(id('gone')).potential_races).toBe(1);
    analyzer.forget([id('gone')]);
    expect(analyzer.ingest(storedEvents(s1(), 6_000)).races.map((r) => r.trace_id)).not.toContain(
      id('gone'),
    );
  });

  it('never lets a missing release leak into another trace', () => {
    const leaky = s2().filter((e) => e.id !== id('s2-acq-b'));
    const other = s1('s1-after-leak').map((e) =>
      e.metadata.thread_id === 'worker-1'
        ? { ...e, metadata: { ...e.metadata, thread_id: 'worker-a' } }
        : e,
    );
    const analyzer = analyzerWith([...leaky, ...other]);
    expect(analyzer.computed(ref('s2', 's2-write-a'))?.locks_held).toEqual(['balance-lock']);
    expect(analyzer.computed(ref('s1-after-leak', 's1-after-leak-write_a'))?.locks_held).toEqual(
      [],
    );
    expect(analyzer.traceRaces(id('s1-after-leak')).potential_races).toBe(1);
  });

  it('re-links children that arrived before their parents', () => {
    const analyzer = createAnalyzer(options);
    const [root, w1, w2] = storedEvents(s3());
    analyzer.ingest([w2!]);
    expect(analyzer.traceRaces(id('s3')).potential_races).toBe(0);
    analyzer.ingest([w1!]);
    expect(analyzer.traceRaces(id('s3')).potential_races).toBe(0);
    expect(analyzer.auditTrail(id('s3'), 'x')[1]?.has_causal_link_to_previous).toBe(true);
    analyzer.ingest([root!]);
    expect(analyzer.computed(ref('s3', 's3-w2'))?.clock).toContainEqual([
      `${id('s3')}/web#/main`,
      1,
    ]);
  });

  it('exposes the computed clock, lock set and context of every event', () => {
    const analyzer = analyzerWith(s3());
    const w2 = analyzer.computed(ref('s3', 's3-w2'))!;
    expect(w2.context).toBe(`${id('s3')}/web#/B`);
    expect(w2.clock).toEqual([
      [`${id('s3')}/web#/A`, 1],
      [`${id('s3')}/web#/B`, 1],
      [`${id('s3')}/web#/main`, 1],
    ]);
    expect(analyzer.computed({ trace_id: id('s3'), id: 'unknown' })).toBeUndefined();
    expect(analyzer.computed({ trace_id: 'unknown', id: id('s3-w2') })).toBeUndefined();
  });
});

describe('races across traces (spec §9)', () => {
  it('S5: reports one cross-trace write/write race and no race inside either trace', () => {
    const analyzer = analyzerWith(s5());
    expect(analyzer.traceRaces(id('s5-a')).potential_races).toBe(0);
    expect(analyzer.traceRaces(id('s5-b')).potential_races).toBe(0);
    const global = analyzer.globalAnalysis(100);
    expect(global).toMatchObject({
      potential_races: 1,
      concurrent_events: 1,
      truncated: false,
      total_traces: 2,
      total_events: 4,
    });
    expect(global.race_details[0]?.severity).toBe('CRITICAL');
    expect(global.race_details[0]?.description).toMatch(
      /^Cross-trace write-write race on shared\. Trace /,
    );
    expect(global.race_details[0]?.event1_timestamp).toMatch(/^2024-01-01T12:00:00\.\d+Z$/);
    expect(analyzer.globalRaceCandidates()).toEqual([
      expect.objectContaining({
        variable: 'shared',
        trace_count: 2,
        thread_count: 2,
        access_count: 2,
        access_types: ['Write'],
        severity: 'CRITICAL',
        confirmed_races: 1,
      }),
    ]);
  });

  it.each([['fixture'], ['python']] as const)(
    'S6 (%s-style events): reports all 3 cross-request pairs, since per-instance counters do not order requests',
    (style) => {
      const analyzer = analyzerWith(s6(style));
      const t = (n: number) => id(`s6-${style}-t${n}`);
      expect(analyzer.traceRaces(t(1)).potential_races).toBe(0);
      const global = analyzer.globalAnalysis(100);
      expect(global.potential_races).toBe(3);
      expect(global.race_details.map((d) => [d.event1_id, d.event2_id, d.severity]).sort()).toEqual(
        [
          [id(`s6-${style}-t1-read`), id(`s6-${style}-t2-write`), 'WARNING'],
          [id(`s6-${style}-t2-read`), id(`s6-${style}-t1-write`), 'WARNING'],
          [id(`s6-${style}-t1-write`), id(`s6-${style}-t2-write`), 'CRITICAL'],
        ].sort(),
      );
      expect(analyzer.globalRaceCandidates()[0]).toMatchObject({
        variable: 'alice.balance',
        trace_count: 2,
        thread_count: 2,
        access_count: 4,
        access_types: ['Read', 'Write'],
        severity: 'WARNING',
        confirmed_races: 3,
      });
    },
  );

  it('does not pair traces whose time windows are further apart than the skew tolerance', () => {
    const late = s5().map((e) =>
      e.trace_id === id('s5-b')
        ? { ...e, timestamp: e.timestamp.replace('T12:00:00', 'T12:00:09') }
        : e,
    );
    expect(analyzerWith(late).globalAnalysis(100).potential_races).toBe(0);
  });

  it('caps race_details at the limit but counts every pair and says it truncated', () => {
    const global = analyzerWith(s6()).globalAnalysis(1);
    expect(global).toMatchObject({ potential_races: 3, truncated: true });
    expect(global.race_details).toHaveLength(1);
    expect(global.anomalies[1]).toBe('   Showing first 1 race pairs (3 total)');
  });

  it('reports cross-trace races in the ingest update the first time they appear', () => {
    const analyzer = createAnalyzer(options);
    const [a, b] = [s5().slice(0, 2), s5().slice(2)];
    expect(analyzer.ingest(storedEvents(a)).globalRaces).toEqual([]);
    expect(analyzer.ingest(storedEvents(b, 10)).globalRaces).toEqual([
      { variable: 'shared', trace1_id: id('s5-b'), trace2_id: id('s5-a'), severity: 'CRITICAL' },
    ]);
  });

  it('announces a cross-trace race once per variable and trace, however the trace grows', () => {
    const analyzer = createAnalyzer(options);
    const [a, b] = [s5().slice(0, 2), s5().slice(2)];
    analyzer.ingest(storedEvents(a));
    expect(analyzer.ingest(storedEvents(b, 10)).globalRaces).toHaveLength(1);
    const again = ev({
      name: 's5-b-write-again',
      trace: 's5-b',
      parent: 's5-b-write',
      thread: 'worker-b',
      at: 1.6,
      kind: access('shared', 'Write', 'shared.rs:2', 2, 1),
    });
    expect(analyzer.ingest(storedEvents([again], 20)).globalRaces).toEqual([]);
    analyzer.forget([id('s5-a')]);
    expect(analyzer.globalAnalysis(10).potential_races).toBe(0);
  });

  it('forgets every state of a trace', () => {
    const analyzer = analyzerWith(s6());
    analyzer.forget([id('s6-fixture-t1')]);
    expect(analyzer.globalAnalysis(100).potential_races).toBe(0);
    expect([...analyzer.tracesTouching('alice.balance')]).toEqual([id('s6-fixture-t2')]);
    expect(analyzer.computed(ref('s6-fixture-t1', 's6-fixture-t1-read'))).toBeUndefined();
    expect(analyzer.globalRaceCandidates()).toEqual([]);
  });
});

describe('audit trail of one variable', () => {
  it.each(['constructor', '__proto__', 'toString', 'elsewhere'])(
    'is empty for %s, a variable the trace never touched',
    (variable) => {
      const analyzer = analyzerWith(s1());
      expect(analyzer.auditTrail(id('s1'), variable)).toEqual([]);
    },
  );
});
