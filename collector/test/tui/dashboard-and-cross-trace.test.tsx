import { afterEach, describe, expect, it } from 'vitest';
import { BANKING_TRACE_ID } from './fixtures/banking-race-trace.js';
import { FakeSource } from './fake-source.js';
import { KEY, renderApp } from './render-app.js';
import type { AppHarness } from './render-app.js';

let app: AppHarness | undefined;
afterEach(() => app?.unmount());

const OTHER = 'c2c2c2c2-0000-4000-8000-000000000002';

function withCrossTraceRace(): FakeSource {
  const source = new FakeSource();
  source.global = {
    total_traces: 2,
    total_events: 16,
    concurrent_events: 1,
    potential_races: 1,
    anomalies: [],
    truncated: false,
    race_details: [
      {
        severity: 'CRITICAL',
        variable: 'alice.balance',
        trace1_id: BANKING_TRACE_ID,
        trace2_id: OTHER,
        event1_id: 'e1',
        event2_id: 'e2',
        event1_thread: 'req-1',
        event2_thread: 'req-9',
        event1_location: 'bank.ts:47',
        event2_location: 'bank.ts:147',
        event1_timestamp: '2026-11-26T12:00:00.010Z',
        event2_timestamp: '2026-11-26T12:00:00.011Z',
        description: 'Cross-trace write-write race on alice.balance.',
      },
    ],
  };
  return source;
}

describe('dashboard', () => {
  it('shows totals, races, hotspots and recent traces', async () => {
    app = renderApp({ source: withCrossTraceRace(), columns: 120 });
    await app.press('D');
    const screen = await app.waitFor('Hotspots (variables)');
    expect(screen).toMatch(/traces\s+1/);
    expect(screen).toMatch(/events\s+8/);
    expect(screen).toMatch(/traces with races\s+1/);
    expect(screen).toMatch(/cross-trace races\s+1/);
    expect(screen).toContain('alice.balance · 4 accesses · 1 trace');
    expect(screen).toContain('7f3a9c2e');
  });

  it('adds races reported live to the recent races and opens their trace with Enter', async () => {
    const source = new FakeSource();
    app = renderApp({ source, columns: 120 });
    await app.press('D');
    await app.waitFor('Recent races');
    source.push({
      type: 'race',
      data: {
        trace_id: BANKING_TRACE_ID,
        variable: 'alice.balance',
        severity: 'CRITICAL',
        count: 1,
      },
    });
    await app.waitFor(/CRITICAL alice\.balance {2}trace 7f3a9c2e/);
    await app.press(KEY.enter);
    await app.waitFor('Events 8/8');
  });
});

describe('cross-trace races', () => {
  it('lists races between traces and shows both sides; Enter opens the first trace', async () => {
    app = renderApp({ source: withCrossTraceRace(), columns: 120 });
    await app.press('X');
    const screen = await app.waitFor('Cross-trace races 1');
    expect(screen).toContain('CRITICAL alice.balance  7f3a9c2e bank.ts:47 ↔ c2c2c2c2 bank.ts:147');
    const sides = screen.split('\n').filter((l) => l.startsWith('│'));
    expect(sides.some((l) => /thread +req-1 .*thread +req-9/.test(l))).toBe(true);
    expect(sides.some((l) => /location +bank\.ts:47 .*location +bank\.ts:147/.test(l))).toBe(true);
    await app.press(KEY.enter);
    await app.waitFor('Events 8/8');
  });
});
