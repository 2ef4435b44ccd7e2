import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import {
  eventOf,
  getData,
  loadInteropFixture,
  pairKey,
  replay,
  traceOf,
  type Json,
} from './interop-fixture.js';

/**
 * The real old Python SDK in a threaded Flask service: two worker threads of one request racing on
 * `inventory.count`, then two concurrent transfers racing on `dave.balance` (spec S6 in Python). The SDK's
 * `svc#inst` vectors cannot tell these apart (DESIGN.md "Event model"): the racing accesses carry the very
 * same vectors, so the races must come from contexts and happens-before, not from comparing SDK vectors.
 */
describe('old Python SDK: races between threads and between requests', () => {
  const fixture = loadInteropFixture('python-flask-threads-and-transfers');
  let c: TestCollector;

  beforeAll(async () => {
    c = await startTestCollector();
    await replay(c.url, fixture);
  });
  afterAll(() => c.close());

  it('sends identical vectors from the racing contexts', () => {
    for (const [a, b] of [
      ['e5ea9f6b', 'a75b9a08'], // the two workers' Reads
      ['7e33782f', 'f4fe048e'], // the two workers' Writes
      ['c67cc21e', 'ed04c7fe'], // the two transfers' Writes
    ]) {
      const [x, y] = [eventOf(fixture, a!), eventOf(fixture, b!)];
      expect(x.causality_vector).toEqual(y.causality_vector);
      expect(x.metadata.thread_id).not.toBe(y.metadata.thread_id);
    }
  });

  it('finds the workers race inside the request: 3 pairs on inventory.count', async () => {
    const races = await getData(c.url, `/api/traces/${traceOf(fixture, '97b8aec9')}/races`);
    expect(races.race_details.map(pairKey).sort()).toEqual([
      'inventory.count CRITICAL 7e33782f+f4fe048e',
      'inventory.count WARNING 7e33782f+a75b9a08',
      'inventory.count WARNING e5ea9f6b+f4fe048e',
    ]);
  });

  it('finds the lost update across the two transfer requests: 3 pairs on dave.balance', async () => {
    const global = await getData(c.url, '/api/analyze/global');
    const dave = global.race_details.filter((r: Json) => r.variable === 'dave.balance');
    expect(dave.map(pairKey).sort()).toEqual([
      'dave.balance CRITICAL c67cc21e+ed04c7fe',
      'dave.balance WARNING c67cc21e+d64d5101',
      'dave.balance WARNING e6e58f41+ed04c7fe',
    ]);
    for (const t of ['14c2330e', 'ee223d2d']) {
      const races = await getData(c.url, `/api/traces/${traceOf(fixture, t)}/races`);
      expect(races.potential_races).toBe(0);
    }
  });
});
