import type { ApiEvent, EventKind, EventKindName, LockKind, StateChangeKind } from '../api/types';
import { contextLabel } from './context-label';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

/** The variant name of an externally tagged kind (spec §1.3). */
export function kindName(kind: EventKind): EventKindName {
  for (const key in kind) return key as EventKindName;
  return 'Custom';
}

export function stateChangeOf(event: ApiEvent): StateChangeKind | undefined {
  return 'StateChange' in event.kind ? event.kind.StateChange : undefined;
}

export function lockOf(event: ApiEvent): (LockKind & { acquire: boolean }) | undefined {
  if ('LockAcquire' in event.kind) return { ...event.kind.LockAcquire, acquire: true };
  if ('LockRelease' in event.kind) return { ...event.kind.LockRelease, acquire: false };
  return undefined;
}

/**
 * One-line human label, kind-specific: `Write balance`, `POST /transfer`, `HTTP 200`, `transfer_money()`,
 * `acquire Mutex ledger`.
 */
export function eventLabel(event: ApiEvent): string {
  const k = event.kind;
  if ('FunctionCall' in k) return `${k.FunctionCall.function_name}()`;
  if ('StateChange' in k) return `${k.StateChange.access_type} ${k.StateChange.variable}`;
  if ('LockAcquire' in k) return `acquire ${k.LockAcquire.lock_type} ${k.LockAcquire.lock_id}`;
  if ('LockRelease' in k) return `release ${k.LockRelease.lock_type} ${k.LockRelease.lock_id}`;
  if ('HttpRequest' in k) return `${k.HttpRequest.method} ${k.HttpRequest.url}`;
  if ('HttpResponse' in k) return `HTTP ${k.HttpResponse.status}`;
  if ('DatabaseQuery' in k) return k.DatabaseQuery.query;
  if ('DatabaseResult' in k) return countNoun(k.DatabaseResult.rows_affected, 'row');
  if ('Error' in k) return `${k.Error.error_type}: ${k.Error.message}`;
  if ('Custom' in k) return k.Custom.name;
  if ('AsyncSpawn' in k) return `spawn ${k.AsyncSpawn.task_id.slice(0, 8)}`;
  if ('AsyncAwait' in k) return `await ${k.AsyncAwait.future_id.slice(0, 8)}`;
  return `fence ${k.MemoryFence.ordering}`;
}

/** Source location of an event when its kind carries one (the old CSV export left this empty). */
export function eventLocation(event: ApiEvent): string {
  const k = event.kind;
  if ('FunctionCall' in k)
    return k.FunctionCall.file ? `${k.FunctionCall.file}:${k.FunctionCall.line}` : '';
  if ('StateChange' in k) return k.StateChange.location;
  if ('LockAcquire' in k) return k.LockAcquire.location;
  if ('LockRelease' in k) return k.LockRelease.location;
  if ('MemoryFence' in k) return k.MemoryFence.location;
  if ('HttpRequest' in k) return k.HttpRequest.url;
  if ('AsyncAwait' in k) return k.AsyncAwait.awaited_at;
  return '';
}

/** Duration in ms from `metadata.duration_ns` (the only duration the engine uses), or 0. */
export function durationMs(event: ApiEvent): number {
  const ns = event.metadata.duration_ns;
  return typeof ns === 'number' && ns > 0 ? ns / 1e6 : 0;
}

/** The execution context of an event, for display: the collector's id when present, else service/thread. */
export function contextOf(event: ApiEvent): string {
  return contextLabel(
    event.context ?? `${event.metadata.service_name}/${event.metadata.thread_id}`,
  );
}

/** When the event's work ran, in ms since the epoch: the interval the collector sends with every event. */
export function eventIntervalMs(event: ApiEvent): { startMs: number; endMs: number } {
  return { startMs: event.start_us / 1000, endMs: event.end_us / 1000 };
}

/** Event time in ms since the epoch (sub-ms digits kept from `time_us` when present). */
export function eventTimeMs(event: ApiEvent): number {
  return event.time_us !== undefined ? event.time_us / 1000 : Date.parse(event.timestamp);
}

/** Renders any JSON value as plain text for display (never HTML). */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    // JSON.stringify gives undefined for functions/symbols, which JSON payloads never hold.
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return '[unprintable value]';
  }
}

/** Whether an access of this type writes its variable (reads, atomic or not, leave it as it was). */
export function isWriteAccess(accessType: string): boolean {
  return accessType !== 'Read' && accessType !== 'AtomicRead';
}
