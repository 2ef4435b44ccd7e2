/**
 * End to end: the real `raceway tui` (compiled, `node collector/bin/raceway.js tui`) in a tmux terminal of
 * 80×24 against a real collector loaded with the banking race (spec §9 S4/S6). The test drives it with
 * `send-keys` and reads the screen with `capture-pane`, like a user would.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BANKING_TRACE, postEvents, quietTraceBatch } from './banking-race-events.js';
import { CollectorProcess } from './collector-process.js';
import { TmuxSession } from './tmux-session.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ESC = String.fromCharCode(27);
/** Foreground colour SGR codes (30–37, 90–97), alone or in a combined sequence. */
const COLOUR = new RegExp(`${ESC}\\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7])(?:;[0-9;]*)?m`);

let collector: CollectorProcess | undefined;
let tmux: TmuxSession | undefined;

afterEach(async () => {
  tmux?.kill();
  await collector?.kill();
});

function tuiCommand(url: string, env = ''): string {
  // `env -u CI`: ink renders only the final frame when it thinks it runs in CI.
  return `env -u CI ${env} node collector/bin/raceway.js tui --server ${url}; echo "EXITED $?"; sleep 600`;
}

describe.skipIf(!TmuxSession.available())('raceway tui in tmux', () => {
  beforeAll(() => {
    // The TUI runs from the compiled output.
    execFileSync('npx', ['tsc', '-b', 'collector/tsconfig.build.json'], {
      cwd: REPO,
      stdio: 'inherit',
    });
  }, 240_000);

  it('navigates to the banking race and shows both locations side by side; q restores the terminal', async () => {
    collector = new CollectorProcess();
    const url = await collector.start();
    tmux = new TmuxSession('race', REPO);
    tmux.start(tuiCommand(url));

    // Each step waits for the whole screen it expects, settled, before reading or typing on.
    await tmux.waitFor(['● live', '! b0a1c2d3', 'Traces 1/1']);
    expect(tmux.capture(true)).toMatch(COLOUR);

    tmux.sendKeys('Enter');
    await tmux.waitFor(`Trace ${BANKING_TRACE} · 8 events`);
    tmux.sendKeys('2');
    await tmux.waitFor([
      'Races 3 (3 racing pairs)',
      /›CRITICAL alice\.balance {2}Write bank\.ts:47 ↔ Write bank\.ts:147/,
      // Both accesses next to each other: one screen line carries the left and the right side.
      /│location bank\.ts:47 +││location bank\.ts:147 +│/,
      /│thread {3}req-1 +││thread {3}req-2 +│/,
      /│value {4}1000 → 900 +││value {4}1000 → 800 +│/,
    ]);

    tmux.sendKeys('j');
    const warning = await tmux.waitFor([
      /›WARNING {2}alice\.balance {2}Read bank\.ts:41/,
      /│location bank\.ts:41 +││location bank\.ts:147 +│/,
      '● live',
    ]);
    for (const line of warning.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    // Redraws to fill a resized terminal: 30 lines, the borders reaching column 100.
    tmux.resize(100, 30);
    await tmux.waitFor([
      /^.{100}$/m,
      function fillsThirtyLines(screen) {
        return screen.split('\n').filter((l) => l.length > 0).length === 30;
      },
      '● live',
    ]);

    tmux.sendKeys('?');
    await tmux.waitFor('Keys (Esc or ? closes)');
    tmux.sendKeys('Escape');
    await tmux.waitFor([
      'Races 3 (3 racing pairs)',
      function helpClosed(screen) {
        return !screen.includes('Keys (Esc or ? closes)');
      },
    ]);
    tmux.sendKeys('q');
    const after = await tmux.waitFor('EXITED 0');
    expect(after).not.toContain('Raceway  T Traces');
  }, 240_000);

  it('says the server went away, reconnects when it is back on the same port, and shows live data again', async () => {
    collector = new CollectorProcess();
    const url = await collector.start();
    const port = collector.port;
    tmux = new TmuxSession('reconnect', REPO);
    tmux.start(tuiCommand(url, 'NO_COLOR=1'));
    await tmux.waitFor(['● live', 'Traces 1/1']);
    expect(tmux.capture(true)).not.toMatch(COLOUR);

    await collector.kill();
    await tmux.waitFor(/✖ server unreachable · reconnecting in \d+\.\ds \(attempt \d+\)/);

    await collector.start(port);
    await tmux.waitFor('● live');
    const fresh = 'c0ffee00-0000-4000-8000-000000000001';
    await postEvents(url, quietTraceBatch(fresh, 7));
    await tmux.waitFor(['Traces 2/2', 'c0ffee00']);
  }, 240_000);
});
