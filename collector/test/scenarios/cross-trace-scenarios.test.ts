import { afterEach, describe, expect, it } from 'vitest';
import { uuidOf as id } from '../../src/engine/fixtures/fixture-event.js';
import { s5, s6 } from '../../src/engine/fixtures/scenarios.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { getData, postScenario, type Json } from './scenario-client.js';

/** Spec §9 cross-trace scenarios end to end, each on its own collector (global routes see every trace). */
describe('spec §9 cross-trace scenarios through the API', () => {
  let c: TestCollector | undefined;
  afterEach(async () => {
    await c?.close();
    c = undefined;
  });

  it('S5: one cross-trace write/write race, none inside either trace', async () => {
    c = await startTestCollector();
    await postScenario(c.url, s5());
    for (const t of ['s5-a', 's5-b'])
      expect((await getData(c.url, `/api/traces/${id(t)}`)).analysis.potential_races).toBe(0);
    const global = await getData(c.url, '/api/analyze/global');
    expect(global).toMatchObject({ potential_races: 1, truncated: false });
    expect(global.race_details[0].severity).toBe('CRITICAL');
    expect(global.race_details[0].description).toMatch(
      /^Cross-trace write-write race on shared\. Trace /,
    );
    expect(global.race_details[0].event1_timestamp).toMatch(/Z$/);
    const candidates = await getData(c.url, '/api/distributed/global-races');
    expect(candidates.races).toEqual([
      expect.objectContaining({
        variable: 'shared',
        trace_count: 2,
        thread_count: 2,
        access_count: 2,
        access_types: ['Write'],
        severity: 'CRITICAL',
      }),
    ]);
  });

  it.each([['fixture'], ['python']] as const)(
    'S6 (%s-style events): all 3 cross-request pairs, because instance counters do not order two requests',
    async (style) => {
      c = await startTestCollector();
      await postScenario(c.url, s6(style));
      const global = await getData(c.url, '/api/analyze/global');
      expect(global.potential_races).toBe(3);
      expect(global.race_details.map((d: Json) => d.severity).sort()).toEqual([
        'CRITICAL',
        'WARNING',
        'WARNING',
      ]);
      const candidates = await getData(c.url, '/api/distributed/global-races');
      expect(candidates.races[0]).toMatchObject({
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
});
