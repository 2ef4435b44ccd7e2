import { describe, expect, it } from 'vitest';
import { makeEvent, read, write } from '../testing/event-factory';
import { replayState } from './replay-state';

describe('replayState', () => {
  const acquire = makeEvent({
    id: 'acq',
    kind: { LockAcquire: { lock_id: 'L', lock_type: 'Mutex', location: '' } },
    context: 'A',
  });
  const r = makeEvent({ id: 'r', kind: read('balance', 100, 'b.ts:1'), context: 'A' });
  const w = makeEvent({ id: 'w', kind: write('balance', 100, 90, 'b.ts:2'), context: 'B' });
  const release = makeEvent({
    id: 'rel',
    kind: { LockRelease: { lock_id: 'L', lock_type: 'Mutex', location: '' } },
    context: 'A',
  });
  const events = [acquire, r, w, release];

  it('shows the lock held and the value read before any write', () => {
    const state = replayState(events, 1);
    expect(state.locks).toEqual([{ lockId: 'L', context: 'A' }]);
    expect(state.values).toEqual([{ variable: 'balance', value: 100, context: 'A', eventId: 'r' }]);
  });

  it('shows the last written value and frees the lock on release', () => {
    const state = replayState(events, 3);
    expect(state.values[0]).toMatchObject({ value: 90, context: 'B' });
    expect(state.locks).toEqual([]);
    expect(state.history.map((e) => e.id)).toEqual(['rel', 'w', 'r', 'acq']);
  });
});
