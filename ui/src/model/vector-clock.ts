import type { ClockEntry } from '../api/types';

export type ClockOrder = 'before' | 'after' | 'equal' | 'concurrent';

function toMap(clock: readonly ClockEntry[]): Map<string, number> {
  return new Map(clock.map(([component, counter]) => [component, counter]));
}

/** Componentwise comparison of two vector clocks; a missing component counts as 0. */
export function compareClocks(a: readonly ClockEntry[], b: readonly ClockEntry[]): ClockOrder {
  const ma = toMap(a);
  const mb = toMap(b);
  let aLess = false;
  let bLess = false;
  for (const component of new Set([...ma.keys(), ...mb.keys()])) {
    const x = ma.get(component) ?? 0;
    const y = mb.get(component) ?? 0;
    if (x < y) aLess = true;
    if (y < x) bLess = true;
  }
  if (aLess && bLess) return 'concurrent';
  if (aLess) return 'before';
  if (bLess) return 'after';
  return 'equal';
}

/** Components where `a` has seen more than `b`: the events `a` knows about that `b` does not. */
export function clockAhead(
  a: readonly ClockEntry[],
  b: readonly ClockEntry[],
): Array<{ component: string; mine: number; theirs: number }> {
  const mb = toMap(b);
  return a
    .filter(([component, counter]) => counter > (mb.get(component) ?? 0))
    .map(([component, counter]) => ({ component, mine: counter, theirs: mb.get(component) ?? 0 }));
}
