import { createHash } from 'node:crypto';
import { RacewayError } from '../../errors/raceway-error.js';
import type { RacewayEvent } from '../../model/event.js';
import type { Receiver } from '../pipeline.js';

/** One ingest batch as it waits in the broker: which receiver took it, and its validated events. */
export interface BatchMessage {
  receiver: Receiver;
  events: RacewayEvent[];
}

export function encodeBatch(batch: BatchMessage): Buffer {
  return Buffer.from(JSON.stringify(batch));
}

/** The batch, or undefined when the body is not one (published by something else). */
export function decodeBatch(body: Uint8Array): BatchMessage | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(body)) as Partial<BatchMessage>;
    if ((value.receiver === 'native' || value.receiver === 'otlp') && Array.isArray(value.events))
      return { receiver: value.receiver, events: value.events };
  } catch {
    // fall through: not JSON
  }
  return undefined;
}

/**
 * A message id that is the same whenever the same events are sent again through the same receiver, so a
 * broker that deduplicates (NATS JetStream's `Nats-Msg-Id`) keeps a re-sent batch once. Event ids are
 * what the store deduplicates by, so equal ids mean an equal effect.
 */
export function batchMessageId(batch: BatchMessage): string {
  const hash = createHash('sha256').update(batch.receiver);
  for (const event of batch.events) hash.update('\n').update(event.id);
  return hash.digest('base64url');
}

/** A batch encoded for the broker. */
export interface EncodedBatch {
  batch: BatchMessage;
  body: Buffer;
}

/**
 * The batch as bodies of at most `maxBytes` each (a broker's message size limit, e.g. NATS's max
 * payload), halved until every part fits. An event that alone is larger cannot go through the broker:
 * a 413 naming it, since sending it again would not help.
 */
export function encodeToFit(batch: BatchMessage, maxBytes = Infinity): EncodedBatch[] {
  const body = encodeBatch(batch);
  if (body.length <= maxBytes) return [{ batch, body }];
  const { receiver, events } = batch;
  if (events.length === 1)
    throw new RacewayError(
      'payload_too_large',
      413,
      `event ${events[0]!.id} is ${body.length} bytes encoded, more than the message broker takes (${maxBytes})`,
    );
  const half = Math.ceil(events.length / 2);
  return [
    ...encodeToFit({ receiver, events: events.slice(0, half) }, maxBytes),
    ...encodeToFit({ receiver, events: events.slice(half) }, maxBytes),
  ];
}
