import { describe, expect, it } from 'vitest';
import { spanEventId, traceHexOf, traceUuidOf } from './otel-ids.js';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

describe('otel ids', () => {
  it('maps a trace id to the UUID of the same 128 bits and back', () => {
    const uuid = traceUuidOf('5b8efff798038103d269b633813fc60c');
    expect(uuid).toBe('5b8efff7-9803-8103-d269-b633813fc60c');
    expect(traceHexOf(uuid.toUpperCase())).toBe('5b8efff798038103d269b633813fc60c');
  });

  it('derives stable, well-formed and distinct event ids, even from sequential trace and span ids', () => {
    const ids = new Set<string>();
    for (let t = 1; t <= 50; t++)
      for (let s = 1; s <= 50; s++)
        for (let i = 0; i < 4; i++) ids.add(spanEventId(hex(t, 32), hex(s, 16), i));
    expect(ids.size).toBe(50 * 50 * 4);
    const id = spanEventId('5b8efff798038103d269b633813fc60c', 'eee19b7ec3c1b174', 3);
    expect(id).toBe(spanEventId('5b8efff798038103d269b633813fc60c', 'eee19b7ec3c1b174', 3));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
