import { jetstream } from '@nats-io/jetstream';
import type { Consumer, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { BrokerConsumer } from './broker-consumer.js';
import type { BatchDelivery, BrokerSide } from './broker-side.js';
import { NatsLink } from './nats-link.js';
import { Pauses } from './pauses.js';
import { ensureConsumer, ensureStream } from './nats-stream.js';
import type { NatsStreamNames } from './nats-stream.js';

export interface NatsSourceOptions extends NatsStreamNames {
  url: string;
  /** The durable pull consumer the replicas share. */
  durable: string;
  /** Redelivery after this long without an acknowledgement (or progress report). */
  ackWaitMs: number;
  /** Messages this replica holds at once: one pull loop each. */
  prefetch: number;
  consumer: BrokerConsumer;
  logger: Logger;
  reconnectMs?: number;
}

/** How long one pull waits for a message before asking again. */
const PULL_EXPIRES_MS = 5_000;

/**
 * NATS JetStream's consume side: its own connection and `prefetch` pull loops on the durable consumer,
 * each holding one message at a time until the {@link BrokerConsumer} has settled it. Pulling (rather
 * than a push subscription) bounds what this replica holds and shares the work among replicas by
 * pace. A message still in hand reports progress every half ack wait, so a slow store is not mistaken
 * for a dead worker; one whose worker died is redelivered after the ack wait.
 */
export class NatsSource implements BrokerSide {
  private readonly link: NatsLink;
  private readonly pulls = new WeakMap<NatsConnection, Promise<Consumer>>();
  private readonly pauses = new Pauses();
  private stopping = false;
  private pullError: string | undefined;

  constructor(private readonly options: NatsSourceOptions) {
    const { url, logger, reconnectMs, stream, subject, durable, ackWaitMs } = options;
    this.link = new NatsLink({
      url,
      logger,
      name: 'raceway consume',
      ...(reconnectMs === undefined ? {} : { reconnectMs }),
      setup: async (connection) => {
        await ensureStream(connection, { stream, subject });
        await ensureConsumer(connection, { stream, subject, consumer: durable, ackWaitMs });
      },
    });
  }

  get connected(): boolean {
    return this.link.connection !== undefined;
  }

  get error(): string | undefined {
    return this.link.error ?? this.pullError;
  }

  async start(): Promise<void> {
    await this.link.start();
    this.options.consumer.addIntake(() => {
      this.stopPulling();
      return Promise.resolve();
    });
    for (let i = 0; i < this.options.prefetch; i++) void this.pullLoop();
  }

  /** Stops pulling and closes the connection; messages in hand are redelivered after the ack wait. */
  async shutdown(): Promise<void> {
    this.stopPulling();
    await this.link.shutdown();
  }

  private stopPulling(): void {
    this.stopping = true;
    this.pauses.wakeAll();
  }

  private async pullLoop(): Promise<void> {
    while (!this.stopping) {
      const connection = this.link.connection;
      if (connection === undefined) {
        await this.pauses.pause(this.options.reconnectMs ?? 1000);
        continue;
      }
      try {
        await this.link.ensureReady();
        const consumer = await this.consumerOn(connection);
        const message = await consumer.next({ expires: PULL_EXPIRES_MS });
        this.pullError = undefined;
        if (message === null) continue;
        if (this.stopping) {
          message.nak(); // arrived as this replica stopped: straight back for another one
          return;
        }
        await this.options.consumer.handle(natsDelivery(message, this.options.ackWaitMs));
      } catch (err) {
        if (this.stopping) return;
        // The consumer or stream may be gone, or the connection dropped mid-pull: set up again, then retry.
        this.pullError = err instanceof Error ? err.message : String(err);
        this.pulls.delete(connection);
        this.link.markSetupDue();
        await this.pauses.pause(this.options.reconnectMs ?? 1000);
      }
    }
  }

  private consumerOn(connection: NatsConnection): Promise<Consumer> {
    let pull = this.pulls.get(connection);
    if (pull === undefined) {
      pull = jetstream(connection).consumers.get(this.options.stream, this.options.durable);
      this.pulls.set(connection, pull);
    }
    return pull;
  }
}

function natsDelivery(message: JsMsg, ackWaitMs: number): BatchDelivery {
  // Progress reports keep a message held by a slow store from being redelivered to another worker.
  const progress = setInterval(() => settle(() => message.working()), Math.max(ackWaitMs / 2, 100));
  progress.unref();
  const finish = (action: () => void) => () => {
    clearInterval(progress);
    action();
  };
  return {
    body: message.data,
    redelivered: message.redelivered,
    ack: finish(() => message.ack()),
    requeue: finish(() => message.nak()),
    reject: finish(() => message.term()),
  };
}

/** Reports on a connection that has closed throw; the message is redelivered anyway. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // the connection is gone
  }
}
