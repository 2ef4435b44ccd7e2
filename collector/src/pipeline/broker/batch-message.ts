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
export function decodeBatch(body: Buffer): BatchMessage | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as Partial<BatchMessage>;
    if ((value.receiver === 'native' || value.receiver === 'otlp') && Array.isArray(value.events))
      return { receiver: value.receiver, events: value.events };
  } catch {
    // fall through: not JSON
  }
  return undefined;
}
