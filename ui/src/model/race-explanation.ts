import type { RaceAccess } from '../api/types';
import { contextLabel } from './context-label';
import { clockAhead, compareClocks } from './vector-clock';
import { isWriteAccess } from './event-kind';

/**
 * Plain-language reasons why nothing orders the two accesses of a race: their clocks are
 * incomparable, and no common lock guards them. Pure: derived from the two accesses only.
 */
export function explainRace(first: RaceAccess, second: RaceAccess): string[] {
  const reasons: string[] = [];
  const order = compareClocks(first.clock, second.clock);
  if (order === 'concurrent') {
    const aheadA = clockAhead(first.clock, second.clock);
    const aheadB = clockAhead(second.clock, first.clock);
    const describe = (list: typeof aheadA) =>
      list.map((d) => `${contextLabel(d.component)}:${d.mine} (other saw ${d.theirs})`).join(', ');
    reasons.push(
      `Neither vector clock is ≤ the other: access A has seen ${describe(aheadA)}; access B has seen ${describe(aheadB)}.`,
    );
  } else if (order !== 'equal') {
    reasons.push(
      `The clocks compare as "${order}", but the collector still reports the pair; check the causal path below.`,
    );
  } else if (first.clock.length === 0 && second.clock.length === 0) {
    reasons.push('No vector clocks were computed for these accesses.');
  }
  if (first.context !== second.context) {
    reasons.push(
      `They run in different execution contexts (${contextLabel(first.context)} and ${contextLabel(second.context)}).`,
    );
  }
  const common = first.locks_held.filter((lock) => second.locks_held.includes(lock));
  if (common.length === 0) {
    const held = (locks: string[]) => (locks.length ? `{${locks.join(', ')}}` : 'no lock');
    reasons.push(
      `No common lock guards them: A held ${held(first.locks_held)}, B held ${held(second.locks_held)}.`,
    );
  }
  const writes = [first, second].filter((a) => isWriteAccess(a.access_type));
  reasons.push(
    writes.length === 2
      ? 'Both accesses write: the later write can overwrite the earlier one (lost update).'
      : 'One access reads while the other writes: the read may see a stale or a newer value.',
  );
  return reasons;
}
