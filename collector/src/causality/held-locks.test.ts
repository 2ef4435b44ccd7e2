import { describe, expect, it } from 'vitest';
import { HeldLocks } from './held-locks.js';
import { LockSet } from './lock-set.js';

const fresh = () => new HeldLocks(new Map([[LockSet.EMPTY.key, LockSet.EMPTY]]));

describe('HeldLocks', () => {
  it('needs as many releases as re-entrant acquires', () => {
    const held = fresh();
    held.acquire('m', 'write');
    held.acquire('m', 'write');
    held.release('m', 'write');
    expect(held.snapshot().labels()).toEqual(['m']);
    held.release('m', 'write');
    expect(held.snapshot()).toBe(LockSet.EMPTY);
  });

  it('ignores a release of a lock it does not hold', () => {
    const held = fresh();
    held.release('m', 'write');
    expect(held.snapshot()).toBe(LockSet.EMPTY);
  });

  it('shares one interned set between equal holds', () => {
    const interned = new Map([[LockSet.EMPTY.key, LockSet.EMPTY]]);
    const a = new HeldLocks(interned);
    const b = new HeldLocks(interned);
    a.acquire('rw', 'read');
    b.acquire('rw', 'read');
    expect(a.snapshot()).toBe(b.snapshot());
    expect(a.snapshot().labels()).toEqual(['rw (read)']);
  });

  it.each([
    ['read', 'read', false],
    ['read', 'write', true],
    ['write', 'read', true],
    ['write', 'write', true],
  ] as const)('a %s hold and a %s hold of one lock exclude each other: %s', (x, y, excluded) => {
    const a = fresh();
    const b = fresh();
    a.acquire('rw', x);
    b.acquire('rw', y);
    expect(a.snapshot().excludes(b.snapshot())).toBe(excluded);
  });
});
