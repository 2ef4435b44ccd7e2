import type { LockMode } from './lock-mode.js';

export interface HeldLock {
  id: string;
  mode: LockMode;
}

/** An immutable set of held locks, shared by every event that holds exactly these locks. */
export class LockSet {
  static readonly EMPTY = new LockSet([]);

  /** Canonical key, equal for equal sets. */
  readonly key: string;

  constructor(readonly locks: readonly HeldLock[]) {
    this.key = locks.map((l) => `${l.id}\u0000${l.mode}`).join('\u0001');
  }

  /** API form: a Mutex or write hold as its id, a read hold as `id (read)`. */
  labels(): string[] {
    return this.locks.map((l) => (l.mode === 'read' ? `${l.id} (read)` : l.id));
  }

  /**
   * True when the two holders exclude each other: they share a lock and at least one of them holds it
   * exclusively. Two read holds of one RW lock do not exclude each other.
   */
  excludes(other: LockSet): boolean {
    if (this.locks.length === 0 || other.locks.length === 0) return false;
    for (const a of this.locks) {
      for (const b of other.locks) {
        if (a.id === b.id && (a.mode === 'write' || b.mode === 'write')) return true;
      }
    }
    return false;
  }
}
