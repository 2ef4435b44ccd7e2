import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

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

  /** Polls the screen until it matches; the failure message shows the last screen. */
  async waitFor(text: string | RegExp, attempts = 300): Promise<string> {
    let screen = '';
    for (let i = 0; i < attempts; i++) {
      screen = this.capture();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`tmux screen never showed ${String(text)}; last screen:\n${screen}`);
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
