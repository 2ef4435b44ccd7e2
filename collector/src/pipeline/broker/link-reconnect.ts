import type { Logger } from 'pino';
import { maskUrl } from '../../config/describe-config.js';
import { ConfigError } from '../../errors/raceway-error.js';

/** The boot error of a broker link: names the broker (never its password or token) and the reason. */
export function unreachableBroker(url: string, err: unknown): ConfigError {
  const reason = err instanceof Error ? err.message : String(err);
  return new ConfigError(
    'queue-url',
    `cannot reach the message broker at ${maskUrl(url)}: ${reason}`,
    {
      cause: err,
    },
  );
}

export interface LinkReconnectOptions {
  /** Opens the link again; a rejection schedules the next attempt. */
  open(): Promise<void>;
  /** True once the link is shut down: no attempt is made or scheduled after that. */
  closed(): boolean;
  /** Told why an attempt failed (the link reports it as its error). */
  failed(reason: string): void;
  logger: Logger;
  /** Wait between attempts. Default 1000 ms. */
  delayMs?: number | undefined;
}

/**
 * Re-opens a lost broker link every `delayMs` until it is back: one attempt pending at a time, and a
 * timer that never keeps the process alive.
 */
export class LinkReconnect {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LinkReconnectOptions) {}

  schedule(): void {
    if (this.options.closed() || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.options.open().then(
        () => this.options.logger.info('message broker connection restored'),
        (err: unknown) => {
          this.options.failed(err instanceof Error ? err.message : String(err));
          this.schedule();
        },
      );
    }, this.options.delayMs ?? 1000);
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
