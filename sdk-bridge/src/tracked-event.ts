import type { CallSite } from './call-site.js';

export type AccessType = 'Read' | 'Write' | 'AtomicRead' | 'AtomicWrite' | 'AtomicRMW';
export type LockMode = 'mutex' | 'rwlock.read' | 'rwlock.write';

/**
 * What a tracking call records, independent of the transport. Values are JSON text captured at the
 * moment of the call (the old TS SDK serialised objects lazily, at flush time: spec §1.7, §10.4).
 */
export type TrackedKind =
  | {
      type: 'state_change';
      variable: string;
      access: AccessType;
      oldValue: string | undefined;
      newValue: string;
    }
  | { type: 'lock_acquire' | 'lock_release'; lockId: string; mode: LockMode }
  | { type: 'async_spawn' | 'async_await'; taskId: string }
  | { type: 'custom'; name: string; data: string }
  | { type: 'function_call'; name: string; args: string; durationNs: number | undefined }
  | { type: 'error'; errorType: string; message: string; stack: string[] }
  | { type: 'http_request'; method: string; url: string }
  | { type: 'http_response'; status: number; durationNs: number };

export interface TrackedEvent {
  id: string;
  kind: TrackedKind;
  site: CallSite;
  /** Nanoseconds since the epoch, as a bigint so that no digit is lost. */
  timeNs: bigint;
}

/** Snapshots a value as JSON text now, capped so one huge object cannot blow up a batch. */
export function snapshot(value: unknown, maxLength = 4096): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ??
      'null';
  } catch {
    text = JSON.stringify(String(value));
  }
  return text.length > maxLength ? JSON.stringify(`${text.slice(0, maxLength)}…`) : text;
}

/** The lock mode of the old SDKs' free-text lock types (`Mutex`, `RWLock-Read`, `RwLock::Write`, …). */
export function lockModeOf(lockType: string | undefined): LockMode {
  const t = (lockType ?? 'mutex').toLowerCase();
  if (t.includes('read')) return 'rwlock.read';
  if (t.includes('write')) return 'rwlock.write';
  return 'mutex';
}
