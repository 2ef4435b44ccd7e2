import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../src/api/response-shapes.js';
import { BANKING_TRACE_ID, bankingRaceTrace } from './fixtures/banking-race-trace.js';
import { FakeSource } from './fake-source.js';
import { KEY, renderApp } from './render-app.js';
import type { AppHarness } from './render-app.js';

let app: AppHarness | undefined;
afterEach(() => app?.unmount());

/** Opens a trace on a wide terminal, so that assertions see whole lines. */
async function openTrace(
  source = new FakeSource(),
  traceId = BANKING_TRACE_ID,
): Promise<AppHarness> {
  app = renderApp({ source, initialTraceId: traceId, columns: 140 });
  await app.waitFor('Events 8/8');
  return app;
}

describe('trace screen tabs', () => {
  it('1 Events: lists every event with race participants marked, and the selected event in detail', async () => {
    const a = await openTrace();
    const screen = a.screen();
    expect(screen).toContain('Trace 7f3a9c2e-1b4d-4e8f-9a6b-0c5d2e1f3a4b · 8 events');
    expect(screen).toMatch(/! 12:00:00\.005 Read alice\.balance 1000 +\[req-1\]/);
    expect(screen).toMatch(/kind\s+HttpRequest/);
    await a.press('j', 'j');
    await a.waitFor(/variable\s+alice\.balance/);
  });

  it('1 Events at 80 columns: a row too long for its pane ends in … inside the border', async () => {
    app = renderApp({ initialTraceId: BANKING_TRACE_ID, columns: 80 });
    const screen = await app.waitFor('Events 8/8');
    // The list pane is 58% of 80 columns: the cut must fall on a whole column, ellipsis visible.
    expect(screen).toMatch(/║› +12:00:00\.000 HttpRequest POST \/transfer\?…║/);
    expect(screen).toMatch(/║ ! 12:00:00\.005 Read alice\.balance 1000 +\[r…║/);
  });

  it('1 Events: t shows the parent_id tree and f cycles kind filters that match (HttpRequest too)', async () => {
    const a = await openTrace();
    await a.press('t');
    await a.waitFor(/Events 8\/8 · tree/);
    expect(a.screen()).toMatch(/12:00:00\.020 {7}HttpResponse 200 +\[req-1\]/);
    await a.press('f');
    await a.waitFor('Events 2/8 · tree · kind: HttpRequest');
    await a.press('f');
    await a.waitFor('Events 4/8 · tree · kind: StateChange');
    await a.press('f');
    await a.waitFor('Events 2/8 · tree · kind: HttpResponse');
    await a.press('c');
    await a.waitFor('Events 8/8 · tree · kind: all');
  });

  it('2 Races: critical race first, both accesses side by side with values, locations, threads and locks', async () => {
    const a = await openTrace();
    await a.press('2');
    const screen = await a.waitFor('Races 3 (3 racing pairs)');
    expect(screen).toMatch(
      /›CRITICAL alice\.balance {2}Write src\/bank\.ts:47 ↔ Write src\/bank\.ts:47/,
    );
    const sides = screen.split('\n').filter((l) => l.startsWith('│'));
    expect(sides.some((l) => /value +1000 → 900 .*value +1000 → 800/.test(l))).toBe(true);
    expect(sides.some((l) => /thread +req-1 .*thread +req-2/.test(l))).toBe(true);
    expect(sides.some((l) => /locks +none .*locks +none/.test(l))).toBe(true);
    await a.press('j');
    await a.waitFor(/value +read 1000/);
  });

  it('3 Debugger: steps through the trace and shows values and locks after each step', async () => {
    const a = await openTrace();
    await a.press('3');
    await a.waitFor('step     1/8');
    await a.press('j', 'j', 'j', 'j');
    await a.waitFor(/alice\.balance = 900 \(Write by req-1\)/);
    await a.press('j');
    await a.waitFor(/alice\.balance = 800 \(Write by req-2\)/);
    await a.press(']');
    await a.waitFor('speed 2x');
    await a.press('G');
    await a.waitFor('step     8/8');
    await a.press('g', ' ');
    await a.waitFor('▶ playing');
    await a.press(' ');
    await a.waitFor('❚❚ paused');
  });

  it('4 Critical path: the path steps with durations and the share per service', async () => {
    const a = await openTrace();
    await a.press('4');
    const screen = await a.waitFor('Critical path 2 steps');
    expect(screen).toContain('HttpRequest(POST /transfer?to=carol');
    expect(screen).toMatch(/share\s+96\.77%/);
    expect(screen).toContain('banking-api 30ms (100%)');
  });

  it('5 Anomalies: severity, actual vs expected and the baseline it was judged against', async () => {
    const a = await openTrace();
    await a.press('5');
    const screen = await a.waitFor('Anomalies 1');
    expect(screen).toContain('Warning  HttpRequest 30ms (exp 8ms) 4.2σ');
    expect(screen).toMatch(/baseline 40 samples/);
  });

  it('6 Dependencies: services with races by their real severity, and the calls between services', async () => {
    const a = await openTrace();
    await a.press('6');
    const screen = await a.waitFor('Services 1');
    expect(screen).toContain('banking-api  8 ev · 2 threads · races 1 crit/2 warn');
    expect(screen).toContain('No cross-service dependencies');
  });

  it('7 Audit trail: every access of the variable with race and causal-link markers', async () => {
    const a = await openTrace();
    await a.press('7');
    const screen = await a.waitFor('Audit trail alice.balance');
    expect(screen).toMatch(/⋮ RACE Write 1000→900 +req-1/);
    expect(screen).toMatch(/⋮ RACE Write 1000→800 +req-2/);
  });

  it('8 Locks: who held each lock and for how long', async () => {
    const source = new FakeSource();
    const base = bankingRaceTrace.events[0]!;
    const lock = (kind: 'LockAcquire' | 'LockRelease', ms: number, n: number): ApiEvent => ({
      ...base,
      id: `lock-${n}`,
      timestamp: new Date(Date.parse(base.timestamp) + ms).toISOString(),
      time_us: base.time_us + ms * 1000,
      kind: {
        [kind]: { lock_id: 'alice_lock', lock_type: 'Mutex', location: 'bank.ts:40' },
      } as ApiEvent['kind'],
    });
    source.traces.set(BANKING_TRACE_ID, {
      ...bankingRaceTrace,
      events: [...bankingRaceTrace.events, lock('LockAcquire', 2, 1), lock('LockRelease', 9, 2)],
    });
    app = renderApp({ source, initialTraceId: BANKING_TRACE_ID, columns: 140 });
    await app.waitFor('Events 10/10');
    await app.press('8');
    const screen = await app.waitFor('Locks 1');
    expect(screen).toContain('alice_lock  1 holds · 1 threads');
    expect(screen).toMatch(/req-1 +12:00:00\.002 held 7ms +Mutex @ bank\.ts:40/);
  });

  it.each([
    ['1', 'Events 8/8'],
    ['2', 'Races 3'],
    ['3', 'State snapshot'],
    ['4', 'Critical path 2'],
    ['5', 'Anomalies 1'],
    ['6', 'Services 1'],
    ['7', 'Variables 1'],
    ['8', 'Locks 0'],
    ['9', 'Functions and services'],
  ])('tab %s (%s) fits 80×24', async (tab, title) => {
    app = renderApp({ initialTraceId: BANKING_TRACE_ID });
    await app.waitFor('Events 8/8');
    await app.press(tab);
    await app.waitFor(title);
    const lines = app.screen().split('\n');
    expect(lines).toHaveLength(24);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('9 Hot: most accessed variables and activity per service', async () => {
    const a = await openTrace();
    await a.press('9');
    const screen = await a.waitFor('Functions and services');
    expect(screen).toContain('alice.balance  4 accesses (2 R / 2 W) · 2 threads');
    expect(screen).toContain('banking-api 8 events (100%)');
  });

  it('says so when the trace does not exist', async () => {
    app = renderApp({ initialTraceId: '00000000-0000-4000-8000-000000000000' });
    await app.waitFor('Trace not found');
  });

  it('reloads the open trace when a live message names it', async () => {
    const source = new FakeSource();
    const a = await openTrace(source);
    source.traces.set(BANKING_TRACE_ID, {
      ...bankingRaceTrace,
      events: bankingRaceTrace.events.slice(0, 6),
    });
    source.push({
      type: 'trace',
      data: { trace_id: BANKING_TRACE_ID, created: false, event_count: 6 },
    });
    await a.waitFor('Events 6/6');
  });

  it('Esc goes back to the list', async () => {
    const a = await openTrace();
    await a.press(KEY.escape);
    await a.waitFor('Traces 1/1');
  });
});
