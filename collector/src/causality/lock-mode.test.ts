import { describe, expect, it } from 'vitest';
import { lockModeOf } from './lock-mode.js';

describe('lockModeOf', () => {
  it.each([
    ['Mutex', 'write'],
    ['RWLock-Read', 'read'],
    ['RWLock-Write', 'write'],
    ['RwLock-Read', 'read'],
    ['RwLock-Write', 'write'],
    ['RwLock::Read', 'read'],
    ['rwlock.read', 'read'],
    ['rwlock.write', 'write'],
    ['Semaphore', 'write'],
  ])('reads %s as a %s hold (spec §1.3 conventions)', (type, mode) => {
    expect(lockModeOf(type)).toBe(mode);
  });
});
