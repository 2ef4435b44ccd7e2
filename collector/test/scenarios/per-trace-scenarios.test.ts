import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidOf as id } from '../../src/engine/fixtures/fixture-event.js';
import { s1, s10, s2, s3, s4, s9b } from '../../src/engine/fixtures/scenarios.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { getData, postScenario, type Json } from './scenario-client.js';

/**
 * Spec §9 per-trace scenarios end to end: posted to `/events` as an SDK would, read back from
 * `/api/traces/:id` and its sub-routes. The skew tolerance is 2 ms so S9b's 5 ms gap orders the call.
 */
describe('spec §9 per-trace scenarios through the API', () => {
  let c: TestCollector;
  const trace = (name: string) => getData(c.url, `/api/traces/${id(name)}`);
  beforeAll(async () => {
    c = await startTestCollector({ skewToleranceMs: 2 });
    await postScenario(c.url, [
      ...s1(),
      ...s2(),
      ...s2(true),
      ...s3(),
      ...s4(),
      ...s9b(),
      ...s10(),
    ]);
  });
  afterAll(() => c.close());

  it('S1: one CRITICAL race between the two workers, with its audit trail', async () => {
    const data = await trace('s1');
    expect(data.analysis).toMatchObject({ potential_races: 1, concurrent_events: 1 });
    expect(data.analysis.race_details[0]).toMatchObject({
      severity: 'CRITICAL',
      variable: 'balance',
      event1_thread: 'worker-1',
      event2_thread: 'worker-2',
      event1_location: 'balance.rs:12',
      event2_location: 'balance.rs:45',
    });
    expect(data.analysis.anomalies[0]).toBe('🚨 CRITICAL RACE on balance');
    expect(
      data.audit_trails.balance.map((a: Json) => [a.has_causal_link_to_previous, a.is_race]),
    ).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('S2: writers under one mutex do not race; S2b: releasing it first does', async () => {
    expect((await trace('s2')).analysis.potential_races).toBe(0);
    const s2b = await trace('s2b');
    expect(s2b.analysis.potential_races).toBe(1);
    expect(s2b.analysis.race_details[0].severity).toBe('CRITICAL');
  });

  it('S3: a write handed over through the parent chain is causally linked, not a race', async () => {
    const data = await trace('s3');
    expect(data.analysis.potential_races).toBe(0);
    expect(data.audit_trails.x[1]).toMatchObject({
      has_causal_link_to_previous: true,
      is_race: false,
    });
  });

  it('S4: exactly the 3 banking pairs, in order, with the audit flags', async () => {
    const data = await trace('s4');
    expect(data.analysis.potential_races).toBe(3);
    expect(
      data.analysis.race_details.map((d: Json) => [d.event1_id, d.event2_id, d.severity]),
    ).toEqual([
      [id('e2'), id('e6'), 'WARNING'],
      [id('e4'), id('e5'), 'WARNING'],
      [id('e5'), id('e6'), 'CRITICAL'],
    ]);
    const trail = await getData(c.url, `/api/traces/${id('s4')}/audit-trail/account_balance`);
    expect(trail.accesses.map((a: Json) => a.is_race)).toEqual([false, false, true, true]);
    expect(trail.accesses.map((a: Json) => a.has_causal_link_to_previous)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('S9b: the HTTP call orders the caller write before the callee write (0 races, the old server said 1)', async () => {
    expect((await trace('s9b')).analysis.potential_races).toBe(0);
    const graph = await getData(c.url, `/api/traces/${id('s9b')}/graph`);
    expect(graph.edges).toContainEqual({ from: id('s9b-a2'), to: id('s9b-b1'), type: 'call' });
  });

  it('S10: header-propagated clocks order the call and the merged response, whatever the host clocks say', async () => {
    const data = await trace('s10');
    const pairs = data.analysis.race_details.map((d: Json) => [d.event1_id, d.event2_id]);
    expect(pairs).not.toContainEqual([id('s10-callee-2'), id('s10-caller-8')]);
    expect(pairs).toContainEqual([id('s10-callee-2'), id('s10-caller-10')]);
    expect(pairs).not.toContainEqual([id('s10-callee-2'), id('s10-caller-11')]);
    const callee = data.events.find((e: Json) => e.id === id('s10-callee-1'));
    const caller = data.events.find((e: Json) => e.id === id('s10-caller-8'));
    expect(new Map(callee.clock).get(caller.context)).toBe(8);
    expect(callee.causality_vector).toEqual([
      ['banking-api#host-1', 9],
      ['ledger#l1', 1],
    ]);
  });
});
