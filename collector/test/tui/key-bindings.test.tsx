import { afterEach, describe, expect, it } from 'vitest';
import { BANKING_TRACE_ID } from './fixtures/banking-race-trace.js';
import { FakeSource } from './fake-source.js';
import { KEY, renderApp, selectedLine } from './render-app.js';
import type { AppHarness } from './render-app.js';

let app: AppHarness | undefined;
afterEach(() => app?.unmount());

describe('key bindings', () => {
  it('j/k and arrows move, g/G jump, Ctrl-d/Ctrl-u move half a page', async () => {
    const source = new FakeSource();
    source.addListRows(60);
    app = renderApp({ source });
    await app.waitFor('Traces 61/61');
    expect(selectedLine(app.screen())).toContain('7f3a9c2e');
    await app.press('j');
    await app.waitFor(/›.*aa000059/);
    await app.press(KEY.down);
    await app.waitFor(/›.*aa000058/);
    await app.press('k', KEY.up);
    await app.waitFor(/›.*7f3a9c2e/);
    await app.press('G');
    await app.waitFor(/›.*aa000000/);
    await app.press('g');
    await app.waitFor(/›.*7f3a9c2e/);
    // 24 rows: the list shows 19 rows, half a page is 9.
    await app.press(KEY.ctrlD);
    await app.waitFor(/›.*aa000051/);
    await app.press(KEY.ctrlU);
    await app.waitFor(/›.*7f3a9c2e/);
  });

  it('/ searches, n and N jump between matches', async () => {
    const source = new FakeSource();
    source.addListRows(30);
    app = renderApp({ source });
    await app.waitFor('Traces 31/31');
    await app.press('/');
    await app.waitFor(/^\/$/m);
    await app.press('0', '0', '0', '1', KEY.enter);
    await app.waitFor(/›.*aa000019/);
    await app.press('n');
    await app.waitFor(/›.*aa000018/);
    await app.press('N');
    await app.waitFor(/›.*aa000019/);
  });

  it('h/l and Tab move the focus between panes (● marks the focused one)', async () => {
    app = renderApp({ initialTraceId: BANKING_TRACE_ID });
    await app.waitFor('● Events 8/8');
    await app.press('l');
    await app.waitFor('● Event ');
    await app.press('h');
    await app.waitFor('● Events 8/8');
    await app.press(KEY.tab);
    await app.waitFor('● Event ');
  });

  it('1…8 switch tabs, Enter opens, Esc goes back', async () => {
    app = renderApp();
    await app.waitFor('Traces 1/1');
    await app.press(KEY.enter);
    await app.waitFor('Events 8/8');
    await app.press('7');
    await app.waitFor('Audit trail alice.balance');
    await app.press(KEY.escape);
    await app.waitFor('Traces 1/1');
  });

  it('T, D and X switch between traces, dashboard and cross-trace races', async () => {
    app = renderApp();
    await app.waitFor('Traces 1/1');
    await app.press('D');
    await app.waitFor('Hotspots (variables)');
    await app.press('X');
    await app.waitFor('Cross-trace races 0');
    await app.press('T');
    await app.waitFor('Traces 1/1');
  });

  it('? shows every binding and Esc closes it', async () => {
    app = renderApp();
    await app.waitFor('Traces 1/1');
    await app.press('?');
    const help = await app.waitFor('Keys (Esc or ? closes)');
    for (const keys of [
      'j k',
      'g G',
      'Ctrl-d',
      'h l',
      '1 … 9',
      'Enter',
      'Esc',
      '/  n  N',
      's  x  f  c',
      'r',
      'q',
    ]) {
      expect(help).toContain(keys);
    }
    await app.press(KEY.escape);
    await app.waitFor('Traces 1/1');
  });

  it('? over a trace and Esc come back to the same tab and the same row', async () => {
    app = renderApp({ initialTraceId: BANKING_TRACE_ID });
    await app.waitFor('● Events 8/8');
    await app.press('2');
    await app.waitFor('Races 3 (3 racing pairs)');
    await app.press('j');
    await app.waitFor(/›WARNING/);
    await app.press('?');
    await app.waitFor('Keys (Esc or ? closes)');
    await app.press(KEY.escape);
    const back = await app.waitFor('Races 3 (3 racing pairs)');
    expect(selectedLine(back)).toContain('WARNING');
  });

  it('keys that arrive together (typed fast, held down, over a slow link) each count', async () => {
    const source = new FakeSource();
    source.addListRows(30);
    app = renderApp({ source });
    await app.waitFor('Traces 31/31');
    await app.press('jjj');
    await app.waitFor(/›.*aa000027/);
    // A prompt opened by the first key takes the rest, Enter included.
    await app.press('/0019\r');
    await app.waitFor(/›.*aa000019/);
    // Esc and the next key read together: the Esc still closes the help, then the key moves.
    await app.press('?');
    await app.waitFor('Keys (Esc or ? closes)');
    await app.press(`${KEY.escape}k`);
    const after = await app.waitFor(/›.*aa000020/);
    expect(after).not.toContain('Keys (Esc or ? closes)');
  });

  it('r reloads from the server', async () => {
    const source = new FakeSource();
    app = renderApp({ source });
    await app.waitFor('Traces 1/1');
    source.addListRows(2);
    await app.press('r');
    await app.waitFor('Traces 3/3');
  });

  it('q quits: the app unmounts and stops following the live stream', async () => {
    const source = new FakeSource();
    app = renderApp({ source });
    await app.waitFor('Traces 1/1');
    expect(source.following).toBe(true);
    await app.press('q');
    expect(source.following).toBe(false);
  });
});

describe('mouse', () => {
  const click = (x: number, y: number): string => `\u001b[<0;${x + 1};${y + 1}M`;
  const wheelDown = (x: number, y: number): string => `\u001b[<65;${x + 1};${y + 1}M`;
  const wheelUp = (x: number, y: number): string => `\u001b[<64;${x + 1};${y + 1}M`;

  it('a click focuses the pane under the pointer, and the tab under it on the tab bar', async () => {
    app = renderApp({ initialTraceId: BANKING_TRACE_ID });
    await app.waitFor('● Events 8/8');
    await app.press(click(70, 10));
    await app.waitFor('● Event ');
    await app.press(click(5, 10));
    await app.waitFor('● Events 8/8');
    // Line 2 of the screen is the tab bar; " 2 Races " starts at column 10.
    await app.press(click(12, 2));
    await app.waitFor('Races 3 (3 racing pairs)');
  });

  it('the wheel scrolls the focused list', async () => {
    const source = new FakeSource();
    source.addListRows(5);
    app = renderApp({ source });
    await app.waitFor('Traces 6/6');
    await app.press(wheelDown(10, 5), wheelDown(10, 5));
    await app.waitFor(/›.*aa000003/);
    await app.press(wheelUp(10, 5));
    await app.waitFor(/›.*aa000004/);
  });
});
