import { describe, expect, it } from 'vitest';
import { realisticBatch } from '../../testing/realistic-batch.js';
import { RacewayError } from '../../errors/raceway-error.js';
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
    const parts = encodeToFit({ receiver: 'native', events }, Math.floor(whole / 3));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.body.length).toBeLessThanOrEqual(whole / 3);
    expect(parts.flatMap((p) => decodeBatch(p.body)!.events)).toEqual(events);
    expect(encodeToFit({ receiver: 'native', events })).toHaveLength(1);
  });

  it('refuse an event that alone is larger than the broker takes, naming it (413)', () => {
    const [event] = realisticBatch({ events: 1 });
    let error: unknown;
    try {
      encodeToFit({ receiver: 'native', events: [event!] }, 100);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RacewayError);
    expect(error).toMatchObject({ status: 413 });
    expect((error as Error).message).toContain(`event ${event!.id} is `);
  });
});
