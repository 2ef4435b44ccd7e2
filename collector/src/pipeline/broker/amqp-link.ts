import { connect } from 'amqplib';
import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';
import type { Logger } from 'pino';
import { ReconnectingLink } from './reconnecting-link.js';

export interface AmqpLinkOptions<C extends Channel> {
  url: string;
  logger: Logger;
  /** Opens this link's channel on a fresh connection (a confirm channel for publishers). */
  open(connection: ChannelModel): Promise<C>;
  /** Declares the queue, sets prefetch, starts consuming: run on every (re)connection. */
  setup(channel: C): Promise<void>;
  /** Wait between reconnection attempts. Default 1000 ms. */
  reconnectMs?: number;
}

/**
 * One connection and channel to RabbitMQ that comes back by itself. The first connection must
 * succeed (`start` fails with a clear error naming the broker, never its password); after that, a
 * lost connection is retried every `reconnectMs` while `channel` is undefined, so callers can refuse
 * work (503) instead of queueing it in memory.
 */
export class AmqpLink<C extends Channel> extends ReconnectingLink {
  private connection: ChannelModel | undefined;
  private current: C | undefined;

  constructor(private readonly options: AmqpLinkOptions<C>) {
    super(options.url, options.logger, options.reconnectMs);
  }

  get channel(): C | undefined {
    return this.current;
  }

  /** Closes the channel and connection and stops reconnecting. Idempotent. */
  async shutdown(): Promise<void> {
    this.stopReconnecting();
    const connection = this.connection;
    this.connection = undefined;
    this.current = undefined;
    await connection?.close().catch(() => undefined);
  }

  protected async open(): Promise<void> {
    // Bounded, so a broker address that drops packets fails the boot instead of hanging it.
    const connection = await connect(this.options.url, { timeout: 10_000 });
    try {
      // Without listeners, a broker-side close would be an uncaught `error` event.
      connection.on('error', (err: Error) => (this.lastError = err.message));
      connection.on('close', () => this.lost(connection));
      const channel = await this.options.open(connection);
      channel.on('error', (err: Error) => (this.lastError = err.message));
      channel.on('close', () => {
        if (this.current === channel) void connection.close().catch(() => undefined);
      });
      await this.options.setup(channel);
      this.connection = connection;
      this.current = channel;
      this.lastError = undefined;
      if (this.closed) await this.shutdown();
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  }

  private lost(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.current = undefined;
    this.lastError ??= 'connection to the broker closed';
    this.options.logger.warn({ error: this.lastError }, 'message broker connection lost');
    this.reconnect();
  }
}

export type PublishLink = AmqpLink<ConfirmChannel>;
