import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  jetstreamManager,
} from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { ConfigError } from '../../errors/raceway-error.js';

/** Where the batches wait in JetStream. */
export interface NatsStreamNames {
  /** The stream (work-queue retention, file storage) that captures `subject`. */
  stream: string;
  /** The subject batches are published on (`queue-name`). */
  subject: string;
}

/** How long JetStream remembers a message id: a batch re-sent within it is stored once. */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

/**
 * The stream exists and captures the subject: created when missing; an existing one (perhaps tuned by an
 * operator: replicas, limits) is used as it is, but one that does not take the subject is an error.
 */
export async function ensureStream(
  connection: NatsConnection,
  names: NatsStreamNames,
): Promise<void> {
  const jsm = await manager(connection);
  const { stream, subject } = names;
  try {
    const info = await jsm.streams.info(stream);
    const subjects = info.config.subjects ?? [];
    if (!subjects.some((pattern) => subjectMatches(pattern, subject)))
      throw new ConfigError(
        'queue-stream',
        `NATS stream ${stream} exists but does not take subject ${subject} (it takes ${subjects.join(', ') || 'none'})`,
      );
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound))
      throw err;
    await jsm.streams.add({
      name: stream,
      subjects: [subject],
      // A work queue: a message is gone once acknowledged, as on a RabbitMQ queue.
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  }
}

/**
 * The durable pull consumer the replicas share: explicit acknowledgement, redelivery after `ackWaitMs`
 * without one (the consumer reports progress meanwhile), and no limit on deliveries (a batch refused for
 * now comes back until it is stored; one refused for good is terminated instead).
 */
export async function ensureConsumer(
  connection: NatsConnection,
  names: NatsStreamNames & { consumer: string; ackWaitMs: number },
): Promise<void> {
  const jsm = await manager(connection);
  const { stream, consumer, subject, ackWaitMs } = names;
  try {
    const info = await jsm.consumers.info(stream, consumer);
    // One left by an earlier run with another ack wait: the setting is what counts.
    if (info.config.ack_wait !== nanos(ackWaitMs))
      await jsm.consumers.update(stream, consumer, { ack_wait: nanos(ackWaitMs) });
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound))
      throw err;
    await jsm.consumers.add(stream, {
      durable_name: consumer,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ackWaitMs),
      deliver_policy: DeliverPolicy.All,
      filter_subject: subject,
      max_deliver: -1,
    });
  }
}

async function manager(connection: NatsConnection): Promise<JetStreamManager> {
  try {
    return await jetstreamManager(connection);
  } catch (err) {
    if (err instanceof Error && err.name === 'JetStreamNotEnabled')
      throw new ConfigError(
        'queue-url',
        'the NATS server has no JetStream (start nats-server with -js, or enable it for the account)',
        { cause: err },
      );
    throw err;
  }
}

/** Whether a subject pattern (`*` one token, `>` the rest) takes `subject`. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const want = pattern.split('.');
  const have = subject.split('.');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '>') return have.length > i;
    if (i >= have.length || (want[i] !== '*' && want[i] !== have[i])) return false;
  }
  return want.length === have.length;
}
