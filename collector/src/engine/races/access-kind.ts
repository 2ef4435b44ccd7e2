import type { AccessType } from '../../model/event.js';
import type { RaceSeverity } from '../results.js';

export function isWriteAccess(type: AccessType): boolean {
  return type === 'Write' || type === 'AtomicWrite' || type === 'AtomicRMW';
}

export function isAtomicAccess(type: AccessType): boolean {
  return type === 'AtomicRead' || type === 'AtomicWrite' || type === 'AtomicRMW';
}

/** Two accesses conflict when at least one writes and they are not both atomic (DESIGN "Analyses"). */
export function conflicts(a: AccessType, b: AccessType): boolean {
  return (isWriteAccess(a) || isWriteAccess(b)) && !(isAtomicAccess(a) && isAtomicAccess(b));
}

/** CRITICAL for write/write, WARNING for read/write (spec §4.6). */
export function raceSeverity(a: AccessType, b: AccessType): RaceSeverity {
  const writes = Number(isWriteAccess(a)) + Number(isWriteAccess(b));
  return writes === 2 ? 'CRITICAL' : writes === 1 ? 'WARNING' : 'INFO';
}
