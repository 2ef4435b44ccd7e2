export type LockMode = 'read' | 'write';

/**
 * Mode of a lock from its free-text type (spec §1.3: `Mutex`, `RWLock-Read`, `RwLock-Write`,
 * `RwLock::Read`; OTel `rwlock.read`). Anything naming a read lock is shared; everything else is
 * exclusive.
 */
export function lockModeOf(lockType: string): LockMode {
  return /read/i.test(lockType) ? 'read' : 'write';
}
