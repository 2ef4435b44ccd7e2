import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** What a test waits to see: a text, a pattern, or a check of the whole screen (e.g. that help closed). */
export type ScreenExpectation = string | RegExp | ((screen: string) => boolean);

function screenShows(screen: string, e: ScreenExpectation): boolean {
  if (typeof e === 'string') return screen.includes(e);
  if (e instanceof RegExp) return e.test(screen);
  return e(screen);
}

function describeExpectation(e: ScreenExpectation): string {
  return typeof e === 'function' ? e.name || 'a screen check' : String(e);
}

function isList(
  e: ScreenExpectation | readonly ScreenExpectation[],
): e is readonly ScreenExpectation[] {
  return Array.isArray(e);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A tmux server of its own (`-L`), so tests never touch anyone else's sessions. */
export class TmuxSession {
  private readonly socket: string;

  constructor(
    readonly name: string,
    private readonly cwd: string,
  ) {
    this.socket = `raceway-test-${process.pid}-${name}`;
  }

  static available(): boolean {
    try {
      execFileSync('tmux', ['-V'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  /** Starts `command` in a detached 80×24 session (or the given size). */
  start(command: string, columns = 80, rows = 24): void {
    this.tmux([
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(columns),
      '-y',
      String(rows),
      '-c',
      this.cwd,
      command,
    ]);
  }

  resize(columns: number, rows: number): void {
    this.tmux(['resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows)]);
  }

  sendKeys(...keys: string[]): void {
    for (const key of keys) this.tmux(['send-keys', '-t', this.name, key]);
  }

  /** The visible screen as text (`escapes` keeps colour and attribute codes). */
  capture(escapes = false): string {
    return this.tmux(['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name]);
  }

  /**
   * Polls until the screen shows everything expected and has stopped changing: two captures taken
   * `settleMs` apart must agree, so a frame tmux has only half received (a busy machine splits ink's
   * writes) is never what a test reads. The failure message names what was missing and shows the last
   * screen.
   */
  async waitFor(
    expected: ScreenExpectation | readonly ScreenExpectation[],
    { timeoutMs = 60_000, settleMs = 200 }: { timeoutMs?: number; settleMs?: number } = {},
  ): Promise<string> {
    const all = isList(expected) ? expected : [expected];
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    let missing: readonly ScreenExpectation[];
    for (;;) {
      screen = this.capture();
      missing = all.filter((e) => !screenShows(screen, e));
      if (missing.length === 0) {
        await sleep(settleMs);
        const again = this.capture();
        if (again === screen) return screen;
        screen = again;
      }
      if (Date.now() > deadline) break;
      await sleep(100);
    }
    throw new Error(
      `tmux screen never settled showing ${missing.map(describeExpectation).join(', ') || 'the same frame twice'}; last screen:\n${screen}`,
    );
  }

  /** Ends the tmux server and removes its socket file (tmux leaves it behind). */
  kill(): void {
    let socketPath: string | undefined;
    try {
      socketPath = this.tmux(['display-message', '-p', '#{socket_path}']).trim();
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
    if (socketPath) rmSync(socketPath, { force: true });
  }

  private tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}
