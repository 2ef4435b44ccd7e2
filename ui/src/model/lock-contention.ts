import { countNoun } from '../../../collector/src/tui/model/count-noun';

/** A lock event reduced to what contention analysis needs. */
export interface LockEventInput {
  id: string;
  lockId: string;
  context: string;
  acquire: boolean;
  timeMs: number;
}

export interface LockHold {
  lockId: string;
  context: string;
  acquiredMs: number;
  /** Null when the hold was never released in the trace. */
  releasedMs: number | null;
  /** When the context asked for the lock (earlier than `acquiredMs` when it had to wait). */
  requestedMs: number;
}

export interface LockContention {
  lockId: string;
  waiter: string;
  holder: string;
  requestedMs: number;
  waitMs: number;
}

export interface LockMetrics {
  lockId: string;
  acquisitions: number;
  totalHoldMs: number;
  avgHoldMs: number;
  maxHoldMs: number;
  contentionCount: number;
  avgWaitMs: number;
  maxWaitMs: number;
  contexts: string[];
  unreleased: number;
  holds: LockHold[];
  contentions: LockContention[];
  recommendations: string[];
}

/**
 * Reconstructs holds and contentions per lock from acquire/release events in time order (spec §6.3
 * "Locks"): an acquire while another context holds the lock waits until that hold's release; a hold
 * lasts until the same context releases the lock. Locks come back sorted by id.
 */
export function lockContention(events: readonly LockEventInput[]): LockMetrics[] {
  const sorted = [...events].sort((a, b) => a.timeMs - b.timeMs || a.id.localeCompare(b.id));
  const byLock = new Map<string, LockEventInput[]>();
  for (const event of sorted) {
    const list = byLock.get(event.lockId);
    if (list) list.push(event);
    else byLock.set(event.lockId, [event]);
  }
  return [...byLock.keys()].sort().map((lockId) => metricsOf(lockId, byLock.get(lockId) ?? []));
}

function metricsOf(lockId: string, events: readonly LockEventInput[]): LockMetrics {
  const holds: LockHold[] = [];
  const contentions: LockContention[] = [];
  const open = new Map<string, LockHold>();
  for (const event of events) {
    if (event.acquire) {
      const other = [...open.values()].find((h) => h.context !== event.context);
      const hold: LockHold = {
        lockId,
        context: event.context,
        acquiredMs: event.timeMs,
        releasedMs: null,
        requestedMs: event.timeMs,
      };
      if (other) {
        contentions.push({
          lockId,
          waiter: event.context,
          holder: other.context,
          requestedMs: event.timeMs,
          waitMs: 0,
        });
      }
      open.set(event.context, hold);
      holds.push(hold);
    } else {
      const hold = open.get(event.context);
      if (!hold) continue;
      hold.releasedMs = event.timeMs;
      open.delete(event.context);
      for (const c of contentions)
        if (c.holder === event.context && c.waitMs === 0) {
          c.waitMs = event.timeMs - c.requestedMs;
        }
    }
  }
  const released = holds.filter((h) => h.releasedMs !== null);
  const holdTimes = released.map((h) => (h.releasedMs as number) - h.acquiredMs);
  const waits = contentions.map((c) => c.waitMs);
  const totalHoldMs = holdTimes.reduce((s, t) => s + t, 0);
  const metrics: LockMetrics = {
    lockId,
    acquisitions: holds.length,
    totalHoldMs,
    avgHoldMs: holdTimes.length ? totalHoldMs / holdTimes.length : 0,
    maxHoldMs: holdTimes.length ? Math.max(...holdTimes) : 0,
    contentionCount: contentions.length,
    avgWaitMs: waits.length ? waits.reduce((s, t) => s + t, 0) / waits.length : 0,
    maxWaitMs: waits.length ? Math.max(...waits) : 0,
    contexts: [...new Set(holds.map((h) => h.context))].sort(),
    unreleased: holds.length - released.length,
    holds,
    contentions,
    recommendations: [],
  };
  metrics.recommendations = lockRecommendations(metrics);
  return metrics;
}

/** Rule-based advice per lock (spec §6.3), plus a warning for holds never released. */
export function lockRecommendations(m: Omit<LockMetrics, 'recommendations'>): string[] {
  const advice: string[] = [];
  if (m.unreleased > 0) {
    advice.push(
      `${countNoun(m.unreleased, 'hold')} never released in this trace: check error paths for a missing unlock.`,
    );
  }
  if (m.contentionCount > 5)
    advice.push('High contention: consider splitting this lock (finer-grained locking).');
  if (m.avgHoldMs > 50) advice.push('Long average hold time: shrink the critical section.');
  if (m.contexts.length > 4)
    advice.push('Many contexts share this lock: consider a lock-free or sharded structure.');
  if (m.contentionCount > 0 && m.maxWaitMs > 3 * m.avgHoldMs) {
    advice.push(
      'Maximum wait is over 3× the average hold: investigate blocking while the lock is held.',
    );
  }
  if (advice.length === 0) advice.push('No major issues detected with this lock.');
  return advice;
}
