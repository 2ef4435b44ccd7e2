import { describe, expect, it } from 'vitest';
import { realisticBatch } from '../../testing/realistic-batch.js';
import { decodeBatch, encodeBatch } from './batch-message.js';

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
});
