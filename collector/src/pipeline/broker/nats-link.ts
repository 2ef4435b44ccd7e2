import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { ReconnectingLink } from './reconnecting-link.js';
import { natsServer } from './nats-url.js';

export interface NatsLinkOptions {
  url: string;
  logger: Logger;
  /** How the connection shows on the server (its connection reports). */
  name: string;
  /** Declares the stream (and consumer); run on connecting and again once due (see `ensureReady`). */
  setup(connection: NatsConnection): Promise<void>;
  /** Wait between reconnection attempts. Default 1000 ms. */
  reconnectMs?: number;
}

/**
 * One connection to a NATS server that comes back by itself. The first connection (and setup) must
 * succeed: `start` fails with a clear error naming the server, never its password or token. After that
 * the client reconnects on its own; `connection` is undefined while it is away, so callers refuse work
 * (503) instead of queueing it in memory. A connection the client gives up on is replaced.
 */
export class NatsLink extends ReconnectingLink {
  private current: NatsConnection | undefined;
  private up = false;
  private setupDue = false;
  private settingUp: Promise<void> | undefined;

  constructor(private readonly options: NatsLinkOptions) {
    super(options.url, options.logger, options.reconnectMs);
  }

  /** The connection while it is up. */
  get connection(): NatsConnection | undefined {
    return this.up ? this.current : undefined;
  }

  /** Runs setup again before the next use (after a reconnection, or when the broker refused something). */
  markSetupDue(): void {
    this.setupDue = true;
  }

  /** Resolves once a setup that is due has run on the current connection. */
  async ensureReady(): Promise<void> {
    const connection = this.current;
    if (!this.setupDue || connection === undefined) return;
    this.settingUp ??= this.options.setup(connection).then(
      () => {
        this.setupDue = false;
        this.settingUp = undefined;
      },
      (err: unknown) => {
        this.settingUp = undefined;
        throw err;
      },
    );
    await this.settingUp;
  }

  /** Sends what is buffered (acknowledgements), closes and stops reconnecting. Idempotent. */
  async shutdown(): Promise<void> {
    this.stopReconnecting();
    const connection = this.current;
    this.current = undefined;
    this.up = false;
    if (connection === undefined || connection.isClosed()) return;
    await connection.flush().catch(() => undefined);
    await connection.close().catch(() => undefined);
  }

  protected async open(): Promise<void> {
    const connection = await connect({
      ...natsServer(this.options.url),
      name: this.options.name,
      // Bounded, so a server address that drops packets fails the boot instead of hanging it.
      timeout: 10_000,
      maxReconnectAttempts: -1,
      reconnectTimeWait: this.options.reconnectMs ?? 1000,
    });
    try {
      await this.options.setup(connection);
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
    this.current = connection;
    this.up = true;
    this.setupDue = false;
    this.lastError = undefined;
    void this.watch(connection).catch(() => undefined);
    void connection.closed().then((err) => this.lost(connection, err));
    if (this.closed) await this.shutdown();
  }

  private async watch(connection: NatsConnection): Promise<void> {
    const { logger } = this.options;
    for await (const status of connection.status()) {
      if (this.current !== connection) return;
      if (status.type === 'disconnect') {
        this.up = false;
        this.lastError ??= 'connection to the broker lost';
        logger.warn({ error: this.lastError }, 'message broker connection lost');
      } else if (status.type === 'reconnect') {
        this.up = true;
        this.lastError = undefined;
        // The server may have restarted without the stream: declare it again before using it.
        this.setupDue = true;
        logger.info('message broker connection restored');
      } else if (status.type === 'error') {
        this.lastError = status.error.message;
      }
    }
  }

  /** The client gave up on the connection (or it was closed): open a new one unless shutting down. */
  private lost(connection: NatsConnection, err: void | Error): void {
    if (this.current !== connection) return;
    this.current = undefined;
    this.up = false;
    if (this.closed) return;
    this.lastError = err instanceof Error ? err.message : 'connection to the broker closed';
    this.options.logger.warn({ error: this.lastError }, 'message broker connection lost');
    this.reconnect();
  }
}
