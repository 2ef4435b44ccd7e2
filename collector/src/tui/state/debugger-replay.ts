import type { RacewayEvent } from '../../model/event.js';

/** A variable's value after the replayed prefix, and who set it last. */
export interface VariableSnapshot {
  variable: string;
  value: unknown;
  lastAccess: string;
  thread: string;
  location: string;
}

/** What the trace looks like after its first `step` events. */
export interface ReplaySnapshot {
  step: number;
  total: number;
  current: RacewayEvent | undefined;
  variables: VariableSnapshot[];
  /** Locks held after the prefix: lock id → threads holding it. */
  locks: Array<{ lockId: string; threads: string[] }>;
}

/**
 * Replays `events` (in the order given: the API's time order) up to `step` events: the value each variable
 * has (a write's new value; a read shows the value it saw) and the locks held at that point.
 */
export function replayTrace(events: readonly RacewayEvent[], step: number): ReplaySnapshot {
  const n = Math.max(0, Math.min(events.length, step));
  const variables = new Map<string, VariableSnapshot>();
  const locks = new Map<string, string[]>();
  for (const e of events.slice(0, n)) {
    const thread = e.metadata.thread_id;
    if ('StateChange' in e.kind) {
      const s = e.kind.StateChange;
      variables.set(s.variable, {
        variable: s.variable,
        value: s.new_value,
        lastAccess: s.access_type,
        thread,
        location: s.location,
      });
    } else if ('LockAcquire' in e.kind) {
      const id = e.kind.LockAcquire.lock_id;
      locks.set(id, [...(locks.get(id) ?? []), thread]);
    } else if ('LockRelease' in e.kind) {
      const id = e.kind.LockRelease.lock_id;
      const holders = [...(locks.get(id) ?? [])];
      const i = holders.indexOf(thread);
      if (i >= 0) holders.splice(i, 1);
      if (holders.length > 0) locks.set(id, holders);
      else locks.delete(id);
    }
  }
  return {
    step: n,
    total: events.length,
    current: n > 0 ? events[n - 1] : undefined,
    variables: [...variables.values()].sort((a, b) => a.variable.localeCompare(b.variable)),
    locks: [...locks.entries()]
      .map(([lockId, threads]) => ({ lockId, threads }))
      .sort((a, b) => a.lockId.localeCompare(b.lockId)),
  };
}

/** Playback speeds offered by `[` and `]` (spec §7: 0.5, 1, 2, 4 steps per second). */
export const SPEEDS = [0.5, 1, 2, 4] as const;

export function changeSpeed(speed: number, direction: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s === speed);
  const next = Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 1 : i) + direction));
  return SPEEDS[next] ?? 1;
}
