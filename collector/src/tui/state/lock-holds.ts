import type { RacewayEvent } from '../../model/event.js';

/** One interval in which a context held a lock. `releasedAt` is undefined while still held. */
export interface LockHold {
  lockId: string;
  lockType: string;
  thread: string;
  service: string;
  acquiredAt: string;
  releasedAt: string | undefined;
  /** Milliseconds between acquire and release; undefined while held. */
  heldMs: number | undefined;
  acquireLocation: string;
  /** Microseconds since the epoch (sub-millisecond precision when the API sends `time_us`). */
  acquiredUs: number;
}

/** Every lock of a trace with its holds in time order. */
export interface LockSummary {
  lockId: string;
  holds: LockHold[];
  /** Distinct threads that took the lock. */
  threads: string[];
}

type TimedEvent = RacewayEvent & { time_us?: number; context?: string };

/**
 * Pairs LockAcquire/LockRelease events per (lock, context) in time order. A release without an acquire is
 * ignored; an acquire without a release stays open. Contexts come from the collector's computed
 * `context` when present, else from the thread id.
 */
export function lockHolds(events: readonly TimedEvent[]): LockSummary[] {
  const open = new Map<string, LockHold[]>();
  const byLock = new Map<string, LockHold[]>();
  const ordered = [...events].sort((a, b) => timeOf(a) - timeOf(b));
  for (const e of ordered) {
    const context = e.context ?? e.metadata.thread_id;
    if ('LockAcquire' in e.kind) {
      const k = e.kind.LockAcquire;
      const hold: LockHold = {
        lockId: k.lock_id,
        lockType: k.lock_type,
        thread: e.metadata.thread_id,
        service: e.metadata.service_name,
        acquiredAt: e.timestamp,
        releasedAt: undefined,
        heldMs: undefined,
        acquireLocation: k.location,
        acquiredUs: timeOf(e),
      };
      const key = `${k.lock_id}\u0000${context}`;
      open.set(key, [...(open.get(key) ?? []), hold]);
      byLock.set(k.lock_id, [...(byLock.get(k.lock_id) ?? []), hold]);
    } else if ('LockRelease' in e.kind) {
      const key = `${e.kind.LockRelease.lock_id}\u0000${context}`;
      const stack = open.get(key);
      const hold = stack?.pop();
      if (hold) {
        hold.releasedAt = e.timestamp;
        hold.heldMs = Math.max(0, (timeOf(e) - hold.acquiredUs) / 1000);
      }
    }
  }
  return [...byLock.entries()]
    .map(([lockId, holds]) => ({
      lockId,
      holds,
      threads: [...new Set(holds.map((h) => h.thread))],
    }))
    .sort((a, b) => a.lockId.localeCompare(b.lockId));
}

function timeOf(e: TimedEvent): number {
  return e.time_us ?? Date.parse(e.timestamp) * 1000;
}
