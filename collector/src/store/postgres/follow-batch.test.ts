import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../model/stored-event.js';
import { followBatch } from './follow-batch.js';

const event = (id: string) => ({ id }) as StoredEvent;
const row = (xact: number, id: string, kind: 'event' | 'deletion' | 'own') => ({
  cursor_xact: String(xact),
  id,
  doc: kind === 'event' ? event(id) : null,
  deleted: kind === 'deletion' ? id : null,
});

describe('followBatch', () => {
  it('takes events and this writer’s own rows, moving the cursor past all of them', () => {
    const batch = followBatch(
      [row(5, 'a', 'event'), row(6, 'b', 'own'), row(7, 'c', 'event')],
      undefined,
      10,
    );
    expect(batch).toEqual({
      events: [event('a'), event('c')],
      deletedTraceIds: [],
      cursor: { xact: '7', id: 'c' },
      caughtUp: true,
    });
  });

  it('stops before the first deletion after events, so they apply in commit order', () => {
    const batch = followBatch(
      [row(5, 'a', 'event'), row(6, 't1', 'deletion'), row(7, 'b', 'event')],
      undefined,
      10,
    );
    expect(batch).toEqual({
      events: [event('a')],
      deletedTraceIds: [],
      cursor: { xact: '5', id: 'a' },
      caughtUp: false,
    });
  });

  it('takes a run of deletions on its own', () => {
    const batch = followBatch(
      [row(6, 't1', 'deletion'), row(6, 't2', 'deletion'), row(7, 'b', 'event')],
      { xact: '5', id: 'a' },
      10,
    );
    expect(batch.deletedTraceIds).toEqual(['t1', 't2']);
    expect(batch.events).toEqual([]);
    expect(batch.cursor).toEqual({ xact: '6', id: 't2' });
  });

  it.each([
    ['a full page (there may be more)', 2, false],
    ['a short page', 3, true],
  ])('after %s reports caughtUp = %s', (_label, limit, caughtUp) => {
    const batch = followBatch([row(5, 'a', 'event'), row(6, 'b', 'event')], undefined, limit);
    expect(batch.caughtUp).toBe(caughtUp);
  });

  it('keeps the cursor when nothing new was committed', () => {
    expect(followBatch([], { xact: '9', id: 'z' }, 10)).toEqual({
      events: [],
      deletedTraceIds: [],
      cursor: { xact: '9', id: 'z' },
      caughtUp: true,
    });
  });
});
