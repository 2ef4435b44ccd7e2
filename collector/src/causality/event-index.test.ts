import { describe, expect, it } from 'vitest';
import { indexOfEvents } from './event-index.js';

const events = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}` }));

describe('indexOfEvents', () => {
  it.each([1, 7, 16, 17, 500])('finds each of %i events at its position, and nothing else', (n) => {
    const list = events(n);
    const index = indexOfEvents(list);
    list.forEach((e, i) => expect(index.get(e.id)).toBe(i));
    expect(index.get('missing')).toBeUndefined();
    expect(index.get(`e${n}`)).toBeUndefined();
  });
});
