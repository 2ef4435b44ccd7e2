import { describe, expect, it } from 'vitest';
import { lockContention, type LockEventInput } from './lock-contention';

let n = 0;
const ev = (
  context: string,
  acquire: boolean,
  timeMs: number,
  lockId = 'balance-lock',
): LockEventInput => ({
  id: `e${++n}`,
  lockId,
  context,
  acquire,
  timeMs,
});

describe('lockContention', () => {
  it('measures holds and the wait of a context that asked while another held the lock', () => {
    const [metrics] = lockContention([
      ev('a', true, 0),
      ev('b', true, 2),
      ev('a', false, 10),
      ev('b', false, 15),
    ]);
    expect(metrics).toMatchObject({
      lockId: 'balance-lock',
      acquisitions: 2,
      contentionCount: 1,
      maxWaitMs: 8,
      unreleased: 0,
      contexts: ['a', 'b'],
    });
    expect(metrics?.contentions[0]).toMatchObject({ waiter: 'b', holder: 'a', waitMs: 8 });
  });

  it('flags holds that are never released and recommends checking the error paths', () => {
    const [metrics] = lockContention([ev('a', true, 0)]);
    expect(metrics?.unreleased).toBe(1);
    expect(metrics?.recommendations[0]).toMatch(/^1 hold never released in this trace/);
  });

  it('says nothing is wrong with an uncontended, short lock', () => {
    const [metrics] = lockContention([ev('a', true, 0), ev('a', false, 1)]);
    expect(metrics?.recommendations).toEqual(['No major issues detected with this lock.']);
  });

  it('recommends splitting a lock contended more than five times', () => {
    const events: LockEventInput[] = [];
    for (let i = 0; i < 6; i++)
      events.push(
        ev('holder', true, i * 10),
        ev(`w${i}`, true, i * 10 + 1),
        ev('holder', false, i * 10 + 2),
        ev(`w${i}`, false, i * 10 + 3),
      );
    const [metrics] = lockContention(events);
    expect(metrics?.contentionCount).toBe(6);
    expect(metrics?.recommendations.join(' ')).toMatch(/splitting this lock/);
    expect(metrics?.recommendations.join(' ')).toMatch(/lock-free or sharded/);
  });

  it('reports each lock separately, sorted by id', () => {
    expect(
      lockContention([ev('a', true, 0, 'z'), ev('a', true, 0, 'm')]).map((m) => m.lockId),
    ).toEqual(['m', 'z']);
  });
});
