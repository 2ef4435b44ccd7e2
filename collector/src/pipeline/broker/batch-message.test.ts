import { describe, expect, it } from 'vitest';
import { realisticBatch } from '../../testing/realistic-batch.js';
import { batchMessageId, decodeBatch, encodeBatch, encodeToFit } from './batch-message.js';

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

  it('are split, in order, until each fits the broker', () => {
    const events = realisticBatch({ events: 40 });
    const whole = encodeBatch({ receiver: 'native', events }).length;
    const { messages, refused } = encodeToFit(
      { receiver: 'native', events },
      Math.floor(whole / 3),
    );
    expect(refused).toEqual([]);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const part of messages) expect(part.body.length).toBeLessThanOrEqual(whole / 3);
    expect(messages.flatMap((p) => decodeBatch(p.body)!.events)).toEqual(events);
    expect(encodeToFit({ receiver: 'native', events }).messages).toHaveLength(1);
  });

  it('refuse only an event that alone is larger than the broker takes, naming it, and keep the rest', () => {
    const events = realisticBatch({ events: 9 });
    const sizes = events.map((e) => encodeBatch({ receiver: 'native', events: [e] }).length);
    const one = Math.max(...sizes);
    const blob = 'x'.repeat(2 * one);
    const huge = { ...events[4]!, metadata: { ...events[4]!.metadata, tags: { blob } } };
    const batch = [...events.slice(0, 4), huge, ...events.slice(5)];
    const { messages, refused } = encodeToFit({ receiver: 'native', events: batch }, one + 100);
    expect(refused).toEqual([
      {
        id: huge.id,
        reason: expect.stringMatching(
          /^\d+ bytes encoded, more than the message broker takes \(\d+\)$/,
        ),
      },
    ]);
    expect(messages.flatMap((p) => decodeBatch(p.body)!.events)).toEqual(
      batch.filter((e) => e !== huge),
    );
  });
});
