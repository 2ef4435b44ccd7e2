import { describe, expect, it } from 'vitest';
import { realisticBatch } from '../../testing/realistic-batch.js';
import { batchMessageId, decodeBatch, encodeBatch } from './batch-message.js';

describe('batch messages', () => {
  it('carry the receiver and the events through the broker unchanged', () => {
    const events = realisticBatch({ events: 12 });
    expect(decodeBatch(encodeBatch({ receiver: 'otlp', events }))).toEqual({
      receiver: 'otlp',
      events,
    });
  });

  it.each([
    ['not JSON', 'hello'],
    ['an unknown receiver', '{"receiver":"kafka","events":[]}'],
    ['no events array', '{"receiver":"native"}'],
  ])('refuse a body that is %s', (_label, body) => {
    expect(decodeBatch(Buffer.from(body))).toBeUndefined();
  });

  it('are named by their receiver and event ids, so a re-sent batch has the id it had', () => {
    const events = realisticBatch({ events: 5 });
    const id = batchMessageId({ receiver: 'native', events });
    expect(batchMessageId({ receiver: 'native', events: structuredClone(events) })).toBe(id);
    expect(batchMessageId({ receiver: 'otlp', events })).not.toBe(id);
    expect(batchMessageId({ receiver: 'native', events: events.slice(1) })).not.toBe(id);
  });
});
