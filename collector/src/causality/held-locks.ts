import type { LockMode } from './lock-mode.js';
import { LockSet } from './lock-set.js';

/**
 * Locks held by one execution context while walking its events in program order. Holds are counted, so
 * re-entrant acquires need as many releases; a release of a lock not held is ignored.
 *
 * Convention: the acquire event is inside the lock and the release event is outside it, a half-open
 * interval [acquire, release). Only StateChange events are checked for races, so the choice affects
 * `locks_held` of lock events only; S2/S2b (spec §9) hold either way.
 */
export class HeldLocks {
  private readonly counts = new Map<string, { id: string; mode: LockMode; count: number }>();
  private current: LockSet = LockSet.EMPTY;
  private readonly interned: Map<string, LockSet>;

  constructor(interned: Map<string, LockSet>) {
    this.interned = interned;
  }

  /** The locks held right now, as an interned immutable set. */
  snapshot(): LockSet {
    return this.current;
  }

  acquire(id: string, mode: LockMode): void {
    const key = `${id}\u0000${mode}`;
    const held = this.counts.get(key);
    if (held) held.count += 1;
    else {
      this.counts.set(key, { id, mode, count: 1 });
      this.rebuild();
    }
  }

  release(id: string, mode: LockMode): void {
    // A release names the lock type it released; fall back to the other mode for sloppy senders.
    const key =
      [`${id}\u0000${mode}`, `${id}\u0000${mode === 'read' ? 'write' : 'read'}`].find((k) =>
        this.counts.has(k),
      ) ?? '';
    const held = this.counts.get(key);
    if (!held) return;
    held.count -= 1;
    if (held.count === 0) {
      this.counts.delete(key);
      this.rebuild();
    }
  }

  private rebuild(): void {
    const locks = [...this.counts.values()]
      .map(({ id, mode }) => ({ id, mode }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.mode < b.mode ? -1 : 1));
    const set = new LockSet(locks);
    const existing = this.interned.get(set.key);
    if (existing) this.current = existing;
    else {
      this.interned.set(set.key, set);
      this.current = set;
    }
  }
}
