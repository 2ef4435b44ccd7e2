import { pino } from 'pino';
import type { Logger } from 'pino';

/**
 * The collector's log, on stdout, for `raceway serve`. Written synchronously, and a write that fails
 * because nobody reads any more (`raceway serve | head`, a log pipe that died: EPIPE) drops the line: the
 * collector keeps serving and still stops on a signal. pino's default destination instead flushes at
 * exit in a loop that retries the broken pipe forever, so the process hung and ignored SIGTERM.
 */
export function serveLogger(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: true });
  destination.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  return pino({ name: 'raceway', level }, destination);
}
