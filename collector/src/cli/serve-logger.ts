import { pino } from 'pino';
import type { Logger } from 'pino';

/** The collector's log for `raceway serve`, and the switch that lets it reach stdout. */
export interface ServeLog {
  logger: Logger;
  /** Writes the lines held so far, then every later line as it comes. Idempotent. */
  release(): void;
}

/**
 * The collector's log, on stdout, for `raceway serve`. Lines logged while the collector starts (the boot
 * replay, a receiver that could not bind) are held until `release()`, so the start banner comes first and
 * the log follows it, still one JSON object a line.
 *
 * Written synchronously, and a write that fails because nobody reads any more (`raceway serve | head`, a
 * log pipe that died: EPIPE) drops the line: the collector keeps serving and still stops on a signal.
 * pino's default destination instead flushes at exit in a loop that retries the broken pipe forever, so
 * the process hung and ignored SIGTERM.
 */
export function serveLogger(level: string): ServeLog {
  const destination = pino.destination({ dest: 1, sync: true });
  destination.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  let held: string[] | undefined = [];
  const stream = {
    write(line: string): void {
      if (held === undefined) destination.write(line);
      else held.push(line);
    },
  };
  return {
    logger: pino({ name: 'raceway', level }, stream),
    release() {
      if (held === undefined) return;
      const lines = held;
      held = undefined;
      for (const line of lines) destination.write(line);
    },
  };
}
