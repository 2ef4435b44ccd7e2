import { describe, expect, it } from 'vitest';
import { bankingRaceTrace } from '../../../test/tui/fixtures/banking-race-trace.js';
import { changeSpeed, replayTrace } from './debugger-replay.js';

describe('debugger replay', () => {
  const events = bankingRaceTrace.events;

  it('starts before the first event with nothing known', () => {
    const s = replayTrace(events, 0);
    expect(s.current).toBeUndefined();
    expect(s.variables).toEqual([]);
  });

  it('shows the value each variable has after k events and who set it', () => {
    expect(replayTrace(events, 5).variables).toEqual([
      expect.objectContaining({ variable: 'alice.balance', value: 900, thread: 'req-1' }),
    ]);
    // The lost update: req-2 overwrites req-1's 900 with 800.
    expect(replayTrace(events, 6).variables[0]).toMatchObject({ value: 800, thread: 'req-2' });
  });

  it('tracks locks held and released by thread', () => {
    const base = events[0]!;
    const lock = (kind: 'LockAcquire' | 'LockRelease', thread: string) => ({
      ...base,
      kind:
        kind === 'LockAcquire'
          ? { LockAcquire: { lock_id: 'm', lock_type: 'Mutex', location: '' } }
          : { LockRelease: { lock_id: 'm', lock_type: 'Mutex', location: '' } },
      metadata: { ...base.metadata, thread_id: thread },
    });
    const trace = [lock('LockAcquire', 'a'), lock('LockRelease', 'a'), lock('LockAcquire', 'b')];
    expect(replayTrace(trace, 1).locks).toEqual([{ lockId: 'm', threads: ['a'] }]);
    expect(replayTrace(trace, 2).locks).toEqual([]);
    expect(replayTrace(trace, 3).locks).toEqual([{ lockId: 'm', threads: ['b'] }]);
  });

  it('clamps the step to the trace and steps speed through 0.5, 1, 2, 4', () => {
    expect(replayTrace(events, 99).step).toBe(8);
    expect(changeSpeed(1, 1)).toBe(2);
    expect(changeSpeed(4, 1)).toBe(4);
    expect(changeSpeed(0.5, -1)).toBe(0.5);
  });
});
