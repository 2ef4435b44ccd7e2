import { conflicts, raceSeverity } from '../races/access-kind.js';
import type { RaceSeverity } from '../results.js';
import type { AccessClass } from './trace-footprint.js';

/**
 * Whether accesses of two classes from different traces race: conflicting access types and no lock
 * that excludes one from the other. Different traces share no context and no HB edge (spec §10.1.5).
 */
export function classesRace(a: AccessClass, b: AccessClass): boolean {
  return conflicts(a.type, b.type) && !a.locks.excludes(b.locks);
}

/** True when some access of `a` races with some access of `b`. */
export function footprintsRace(a: readonly AccessClass[], b: readonly AccessClass[]): boolean {
  return a.some((x) => b.some((y) => classesRace(x, y)));
}

/** The worst severity among the racing class pairs of two footprints (CRITICAL over WARNING). */
export function worstSeverity(a: readonly AccessClass[], b: readonly AccessClass[]): RaceSeverity {
  let worst: RaceSeverity = 'INFO';
  for (const x of a) {
    for (const y of b) {
      if (!classesRace(x, y)) continue;
      const severity = raceSeverity(x.type, y.type);
      if (severity === 'CRITICAL') return severity;
      worst = severity;
    }
  }
  return worst;
}
