import { render } from 'ink';
import { ApiClient } from '../cli/commands/api-client.js';
import type { Connection } from '../cli/commands/connection-options.js';
import { httpSource } from './data/http-source.js';
import { DISABLE_MOUSE, ENABLE_MOUSE } from './input/mouse-event.js';
import { RacewayApp } from './raceway-app.js';
import { themeFor } from './theme.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

/**
 * Runs the TUI full screen on the alternate screen buffer, with mouse reporting on, until `q` (or Ctrl-C /
 * SIGTERM), then puts the terminal back as it was.
 */
export async function runTui(
  connection: Connection,
  options: { initialTraceId?: string | undefined } = {},
): Promise<void> {
  const source = httpSource(new ApiClient(connection));
  process.stdout.write(ENTER_ALT_SCREEN + ENABLE_MOUSE);
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    process.stdout.write(DISABLE_MOUSE + LEAVE_ALT_SCREEN);
  };
  const instance = render(
    <RacewayApp
      source={source}
      theme={themeFor(process.env)}
      {...(options.initialTraceId ? { initialTraceId: options.initialTraceId } : {})}
    />,
    { exitOnCtrlC: true },
  );
  const onSignal = (): void => instance.unmount();
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    restore();
  }
}
