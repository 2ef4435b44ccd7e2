/** One connection of queue mode to its broker: the publish side or the consume side. */
export interface BrokerSide {
  /** Connects; fails with a clear error naming the broker (never its password) when it cannot. */
  start(): Promise<void>;
  /** Closes the connection and stops reconnecting. Idempotent. */
  shutdown(): Promise<void>;
  /** Whether the connection is up now (it comes back by itself after a loss). */
  readonly connected: boolean;
  /** The last connection or broker error, until the connection is back. */
  readonly error: string | undefined;
}

/** One broker message on its way in: a batch and the id a deduplicating broker knows it by. */
export interface OutgoingBatch {
  id: string;
  body: Buffer;
}

/**
 * The publish side as the brokered sink uses it. `publish` resolves only once the broker holds the
 * message durably (publisher confirm, JetStream ack) and rejects otherwise.
 */
export interface BatchPublisher extends BrokerSide {
  publish(message: OutgoingBatch): Promise<void>;
  /** The largest message body the broker takes now; undefined = no limit that ingest could reach. */
  readonly maxMessageBytes: number | undefined;
}

/** One message handed over by the broker, settled exactly once by the consumer. */
export interface BatchDelivery {
  readonly body: Uint8Array;
  /** The broker delivered it before (a worker stopped, or the pipeline refused it). */
  readonly redelivered: boolean;
  /** Stored and analysed: the broker forgets it. */
  ack(): void;
  /** Refused for now: the broker delivers it again. */
  requeue(): void;
  /** Refused for good: never delivered again (dead-lettered where the broker is set up to). */
  reject(): void;
}
