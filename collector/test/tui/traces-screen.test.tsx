import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/cli/commands/api-error.js';
import { bankingRaceTrace } from './fixtures/banking-race-trace.js';
import { FakeSource } from './fake-source.js';
import { KEY, renderApp, selectedLine } from './render-app.js';
import type { AppHarness } from './render-app.js';

let app: AppHarness | undefined;
afterEach(() => app?.unmount());

/** The line of the traces pane that carries the selection mark. */
describe('traces screen', () => {
  it('lists traces newest first, marks the ones with races, and previews the selected one', async () => {
    app = renderApp();
    const screen = await app.waitFor('banking-api');
    expect(screen).toContain('Traces 1/1');
    expect(selectedLine(screen)).toContain('! 7f3a9c2e');
    expect(screen).toContain('7f3a9c2e-1b4d-4e8f-9a6b-0c5d2e');
    const preview = await app.waitFor('3 racing pairs');
    expect(preview).toContain('CRITICAL alice.balance ×1');
  });

  it('on a 401 says which key forms to use', async () => {
    const source = new FakeSource();
    source.listTraces = () => Promise.reject(new ApiError('unauthorized', 'Unauthorized', 401));
    app = renderApp({ source, columns: 120 });
    const screen = await app.waitFor(
      'unauthorized: start with --api-key KEY or set RACEWAY_API_KEY',
    );
    // Not "waiting for events": nothing will come until the key is given.
    expect(screen).not.toContain('no traces yet');
  });

  it('fits 80×24: 24 lines, none wider than 80 columns', async () => {
    app = renderApp({ columns: 80, rows: 24 });
    const lines = (await app.waitFor('banking-api')).split('\n');
    expect(lines).toHaveLength(24);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('shows a trace that arrives live without a keypress, keeping the selection on the same trace', async () => {
    const source = new FakeSource();
    app = renderApp({ source });
    await app.waitFor('Traces 1/1');
    source.addListRows(1);
    source.extra[0]!.last_timestamp = '2030-01-01T00:00:00.000Z';
    source.push({
      type: 'trace',
      data: { trace_id: source.extra[0]!.trace_id, created: true, event_count: 3 },
    });
    const screen = await app.waitFor('Traces 2/2');
    expect(screen.indexOf('aa000000')).toBeLessThan(screen.indexOf('7f3a9c2e'));
    expect(selectedLine(screen)).toContain('7f3a9c2e');
  });

  it('pages in every trace as the cursor moves down (not only the newest 20)', async () => {
    const source = new FakeSource();
    source.addListRows(250);
    app = renderApp({ source });
    await app.waitFor('Traces 100/251');
    await app.press('G');
    await app.waitFor('Traces 200/251');
    await app.press('G');
    await app.waitFor('Traces 251/251');
    await app.press('G');
    const screen = await app.waitFor(/›.*aa000000/);
    expect(screen).toContain('Traces 251/251');
  });

  it('filters by service (s), races only (x) and id prefix (f), and clears them (c)', async () => {
    const source = new FakeSource();
    source.addListRows(3);
    app = renderApp({ source });
    await app.waitFor('Traces 4/4');
    await app.press('x');
    await app.waitFor('Traces 1/1 · service: all · races only');
    await app.press('c');
    await app.waitFor('Traces 4/4');
    await app.press('s');
    await app.waitFor(/Traces \d+\/\d+ · service: (banking-api|ledger)/);
    await app.press('c', 'f');
    await app.waitFor('trace id starts with:');
    await app.press('a', 'a', '0', '0', '0', '0', '0', '1', KEY.enter);
    const screen = await app.waitFor('Traces 1/1 · service: all · id: aa000001');
    expect(screen).toContain('aa000001');
    expect(source.queries.some((q) => q.idPrefix === 'aa000001')).toBe(true);
  });

  it('opens the selected trace with Enter and goes back with Esc', async () => {
    app = renderApp();
    await app.waitFor('banking-api');
    await app.press(KEY.enter);
    await app.waitFor(`Trace ${bankingRaceTrace.trace_id}`);
    await app.press(KEY.escape);
    await app.waitFor('Traces 1/1');
  });
});
