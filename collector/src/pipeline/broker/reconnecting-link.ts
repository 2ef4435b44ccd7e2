import type { Logger } from 'pino';
import { maskUrl } from '../../config/describe-config.js';
import { ConfigError } from '../../errors/raceway-error.js';

/**
 * What the RabbitMQ and NATS links share: the first connection must succeed (`start` fails with a
 * clear error naming the broker, never its password or token), a lost one is opened again every
 * `reconnectMs` until it is back (one attempt pending at a time, on a timer that never keeps the
 * process alive), and the last problem is kept for `/health`.
 */
export abstract class ReconnectingLink {
  protected closed = false;
  protected lastError: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    protected readonly logger: Logger,
    private readonly reconnectMs = 1000,
  ) {}

  get error(): string | undefined {
    return this.lastError;
  }

  async start(): Promise<void> {
    try {
      await this.open();
    } catch (err) {
      // A refusal that already names its setting (e.g. a stream that does not take the subject).
      if (err instanceof ConfigError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      throw new ConfigError(
        'queue-url',
        `cannot reach the message broker at ${maskUrl(this.url)}: ${reason}`,
        { cause: err },
      );
    }
  }

  /** Connects (and sets up); a rejection during reconnection schedules the next attempt. */
  protected abstract open(): Promise<void>;

  /** Marks the link shut down and stops reconnecting. */
  protected stopReconnecting(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected reconnect(): void {
    if (this.closed || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.open().then(
        () => this.logger.info('message broker connection restored'),
        (err: unknown) => {
          this.lastError = err instanceof Error ? err.message : String(err);
          this.reconnect();
        },
      );
    }, this.reconnectMs);
    this.timer.unref();
  }
}
