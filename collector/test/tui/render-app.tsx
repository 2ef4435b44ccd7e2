import { render } from 'ink-testing-library';
import { RacewayApp } from '../../src/tui/raceway-app.js';
import { FakeSource } from './fake-source.js';

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  down: '\u001b[B',
  up: '\u001b[A',
  ctrlD: '\u0004',
  ctrlU: '\u0015',
  backspace: '\u007f',
} as const;

/** Renders the TUI at 80×24 (or the given size) without colour, on a fake collector. */
export interface AppHarness {
  source: FakeSource;
  /** The last rendered frame. */
  screen(): string;
  press(...keys: string[]): Promise<void>;
  waitFor(text: string | RegExp): Promise<string>;
  unmount(): void;
}

export function renderApp(
  options: { source?: FakeSource; columns?: number; rows?: number; initialTraceId?: string } = {},
): AppHarness {
  const source = options.source ?? new FakeSource();
  const instance = render(
    <RacewayApp
      source={source}
      theme={{ color: false }}
      size={{ columns: options.columns ?? 80, rows: options.rows ?? 24 }}
      {...(options.initialTraceId ? { initialTraceId: options.initialTraceId } : {})}
    />,
  );
  const screen = (): string => instance.lastFrame() ?? '';
  /** Types keys one at a time, letting React settle after each. */
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) {
      instance.stdin.write(k);
      await settle();
    }
  };
  /** Waits until the screen contains `text` (polling renders, no wall-clock assertion). */
  const waitFor = async (text: string | RegExp): Promise<string> => {
    for (let i = 0; i < 200; i++) {
      const frame = screen();
      if (typeof text === 'string' ? frame.includes(text) : text.test(frame)) return frame;
      await settle();
    }
    throw new Error(`screen never showed ${String(text)}:\n${screen()}`);
  };
  return { source, screen, press, waitFor, unmount: () => instance.unmount() };
}

export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}

/** The line of a rendered screen that carries the list selection mark `›` (empty when none does). */
export function selectedLine(screen: string): string {
  return screen.split('\n').find((l) => l.includes('›')) ?? '';
}
