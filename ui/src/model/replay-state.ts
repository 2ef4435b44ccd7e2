import type { ApiEvent } from '../api/types';
import { contextOf, isWriteAccess, lockOf, stateChangeOf } from './event-kind';

export interface ReplayState {
  /** Last value written per variable up to the step, with who wrote it. */
  values: Array<{ variable: string; value: unknown; context: string; eventId: string }>;
  /** Locks held after the step, with their holder. */
  locks: Array<{ lockId: string; context: string }>;
  /** State changes and lock events up to the step, newest first. */
  history: ApiEvent[];
}

/**
 * The trace's state after replaying `events[0..step]` (inclusive) in order: what the debugger shows
 * next to the swimlanes. Pure, so scrubbing back and forth is just a recomputation.
 */
export function replayState(events: readonly ApiEvent[], step: number): ReplayState {
  const values = new Map<string, ReplayState['values'][number]>();
  const locks = new Map<string, string>();
  const history: ApiEvent[] = [];
  for (let i = 0; i <= step && i < events.length; i++) {
    const event = events[i] as ApiEvent;
    const change = stateChangeOf(event);
    if (change) {
      history.push(event);
      if (isWriteAccess(change.access_type)) {
        values.set(change.variable, {
          variable: change.variable,
          value: change.new_value,
          context: contextOf(event),
          eventId: event.id,
        });
      } else if (!values.has(change.variable)) {
        values.set(change.variable, {
          variable: change.variable,
          value: change.new_value,
          context: contextOf(event),
          eventId: event.id,
        });
      }
    }
    const lock = lockOf(event);
    if (lock) {
      history.push(event);
      if (lock.acquire) locks.set(lock.lock_id, contextOf(event));
      else if (locks.get(lock.lock_id) === contextOf(event)) locks.delete(lock.lock_id);
    }
  }
  return {
    values: [...values.values()].sort((a, b) => a.variable.localeCompare(b.variable)),
    locks: [...locks.entries()]
      .map(([lockId, context]) => ({ lockId, context }))
      .sort((a, b) => a.lockId.localeCompare(b.lockId)),
    history: history.reverse(),
  };
}
