import type { LockSet } from '../../causality/lock-set.js';
import type { AccessType } from '../../model/event.js';

/**
 * The access classes of each variable, one per (lock set, access type, location) as DESIGN "Analyses"
 * asks: kept in creation order (the order races are reported in) and found by their key; what a class
 * holds is its user's (`make`). The partner search walks them class by class, so its cost grows with
 * the lock sets of a variable (the race detector counts per site instead, see race-detector.ts).
 */
export class AccessClasses<C> {
  private readonly variables = new Map<string, { list: C[]; byKey: Map<string, C> }>();

  /** The classes of `variable` so far, the access's own included (made by `make` when new). */
  of(
    variable: string,
    locks: LockSet,
    type: AccessType,
    location: string,
    make: (locks: LockSet, type: AccessType, location: string) => C,
  ): { list: readonly C[]; own: C } {
    let state = this.variables.get(variable);
    if (!state) this.variables.set(variable, (state = { list: [], byKey: new Map() }));
    const key = `${locks.key}\u0000${type}\u0000${location}`;
    let own = state.byKey.get(key);
    if (!own) {
      own = make(locks, type, location);
      state.byKey.set(key, own);
      state.list.push(own);
    }
    return { list: state.list, own };
  }

  /** Every class of every variable. */
  *all(): Iterable<C> {
    for (const { list } of this.variables.values()) yield* list;
  }
}
