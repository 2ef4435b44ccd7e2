import { describe, expect, it } from 'vitest';
import type { RacewayEvent } from '../../model/event.js';
import { lockHolds } from './lock-holds.js';

function lockEvent(
  kind: 'LockAcquire' | 'LockRelease',
  lock: string,
  thread: string,
  ms: number,
): RacewayEvent {
  const payload = { lock_id: lock, lock_type: 'Mutex', location: `bank.ts:${ms}` };
  return {
    id: `${kind}-${thread}-${ms}`,
    trace_id: 't',
    timestamp: new Date(Date.UTC(2026, 0, 1) + ms).toISOString(),
    kind: kind === 'LockAcquire' ? { LockAcquire: payload } : { LockRelease: payload },
    metadata: {
      thread_id: thread,
      process_id: 1,
      service_name: 'bank',
      environment: 't',
      tags: {},
    },
    causality_vector: [],
    lock_set: [],
  };
}

describe('lock holds', () => {
  it('pairs acquire and release per thread and measures how long each held the lock', () => {
    const summary = lockHolds([
      lockEvent('LockAcquire', 'account-lock', 'w1', 0),
      lockEvent('LockRelease', 'account-lock', 'w1', 5),
      lockEvent('LockAcquire', 'account-lock', 'w2', 6),
      lockEvent('LockRelease', 'account-lock', 'w2', 16),
    ]);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.threads).toEqual(['w1', 'w2']);
    expect(summary[0]!.holds.map((h) => [h.thread, h.heldMs])).toEqual([
      ['w1', 5],
      ['w2', 10],
    ]);
  });

  it('keeps a lock that is never released open and ignores a stray release', () => {
    const [lock] = lockHolds([
      lockEvent('LockRelease', 'm', 'w1', 0),
      lockEvent('LockAcquire', 'm', 'w1', 1),
    ]);
    expect(lock!.holds).toHaveLength(1);
    expect(lock!.holds[0]!.releasedAt).toBeUndefined();
  });
});
