import { jetstream } from '@nats-io/jetstream';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { BatchPublisher, OutgoingBatch } from './broker-side.js';
import { NatsLink } from './nats-link.js';
import { ensureStream } from './nats-stream.js';
import type { NatsStreamNames } from './nats-stream.js';

/** Bytes kept free for the message id and expected-stream headers, which count against max payload. */
const HEADER_ROOM = 1024;

export interface NatsPublisherOptions extends NatsStreamNames {
  url: string;
  logger: Logger;
  reconnectMs?: number;
  /** Longest wait for JetStream's acknowledgement of one message. Default 5000 ms. */
  ackTimeoutMs?: number;
}

/**
 * NATS JetStream's publish side: `publish` resolves once the stream has stored the message (the
 * JetStream publish acknowledgement). Each message carries its batch's id (`Nats-Msg-Id`), so a batch
 * re-sent within the stream's duplicate window is stored once, and the publish expects our stream, so
 * a subject taken by some other stream is refused rather than stored elsewhere.
 */
export class NatsPublisher implements BatchPublisher {
  private readonly link: NatsLink;
  private readonly clients = new WeakMap<NatsConnection, JetStreamClient>();

  constructor(private readonly options: NatsPublisherOptions) {
    const { url, logger, reconnectMs, stream, subject } = options;
    this.link = new NatsLink({
      url,
      logger,
      name: 'raceway publish',
      ...(reconnectMs === undefined ? {} : { reconnectMs }),
      setup: (connection) => ensureStream(connection, { stream, subject }),
    });
  }

  get connected(): boolean {
    return this.link.connection !== undefined;
  }

  get error(): string | undefined {
    return this.link.error;
  }

  /** The server's max payload (1 MiB by default), less room for the headers each message carries. */
  get maxMessageBytes(): number | undefined {
    const limit = this.link.connection?.info?.max_payload;
    return limit === undefined ? undefined : limit - HEADER_ROOM;
  }

  start(): Promise<void> {
    return this.link.start();
  }

  shutdown(): Promise<void> {
    return this.link.shutdown();
  }

  async publish({ id, body }: OutgoingBatch): Promise<void> {
    const connection = this.link.connection;
    if (connection === undefined) throw new Error('message broker is unreachable');
    await this.link.ensureReady();
    try {
      await this.client(connection).publish(this.options.subject, body, {
        msgID: id,
        timeout: this.options.ackTimeoutMs ?? 5_000,
        expect: { streamName: this.options.stream },
      });
    } catch (err) {
      // The stream may be gone (deleted, server replaced): declare it again before the next publish.
      this.link.markSetupDue();
      throw err;
    }
  }

  private client(connection: NatsConnection): JetStreamClient {
    let client = this.clients.get(connection);
    if (client === undefined) {
      client = jetstream(connection);
      this.clients.set(connection, client);
    }
    return client;
  }
}
