import { createHash } from 'node:crypto';
import type { RacewayEvent } from '../../model/event.js';
import type { RefusedEvent } from '../event-sink.js';
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

/** A batch as messages for the broker, and the events that cannot go through it at all. */
export interface FittedBatch {
  messages: EncodedBatch[];
  refused: RefusedEvent[];
}

/**
 * The batch as bodies of at most `maxBytes` each (a broker's message size limit, e.g. NATS's max
 * payload), halved until every part fits. An event that alone is larger cannot go through the broker
 * and sending it again would not help: it is refused by itself, naming it, and the rest go on (old SDKs
 * resend a batch answered with anything but a 200 forever, so one such event must not hold up the others).
 */
export function encodeToFit(batch: BatchMessage, maxBytes = Infinity): FittedBatch {
  const fitted: FittedBatch = { messages: [], refused: [] };
  fit(batch, maxBytes, fitted);
  return fitted;
}

function fit(batch: BatchMessage, maxBytes: number, into: FittedBatch): void {
  const body = encodeBatch(batch);
  if (body.length <= maxBytes) {
    into.messages.push({ batch, body });
    return;
  }
  const { receiver, events } = batch;
  if (events.length === 1) {
    into.refused.push({
      id: events[0]!.id,
      reason: `${body.length} bytes encoded, more than the message broker takes (${maxBytes})`,
    });
    return;
  }
  const half = Math.ceil(events.length / 2);
  fit({ receiver, events: events.slice(0, half) }, maxBytes, into);
  fit({ receiver, events: events.slice(half) }, maxBytes, into);
}
