import { createHash } from 'node:crypto';
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
