import type { EventKind } from '../../model/event.js';
import { kindName } from '../../model/event.js';

/** One line describing an event from its structured `kind` payload (never from display strings). */
export function describeEventKind(kind: EventKind): string {
  if ('FunctionCall' in kind) return `FunctionCall ${kind.FunctionCall.function_name}`;
  if ('AsyncSpawn' in kind) return `AsyncSpawn ${kind.AsyncSpawn.task_id}`;
  if ('AsyncAwait' in kind) return `AsyncAwait ${kind.AsyncAwait.future_id}`;
  if ('StateChange' in kind) {
    const s = kind.StateChange;
    const value =
      s.access_type === 'Read'
        ? formatValue(s.new_value)
        : `${formatValue(s.old_value)} → ${formatValue(s.new_value)}`;
    return `${s.access_type} ${s.variable} ${value}`;
  }
  if ('LockAcquire' in kind) return `LockAcquire ${kind.LockAcquire.lock_id}`;
  if ('LockRelease' in kind) return `LockRelease ${kind.LockRelease.lock_id}`;
  if ('MemoryFence' in kind) return `MemoryFence ${kind.MemoryFence.ordering}`;
  if ('HttpRequest' in kind)
    return `HttpRequest ${kind.HttpRequest.method} ${kind.HttpRequest.url}`;
  if ('HttpResponse' in kind) return `HttpResponse ${kind.HttpResponse.status}`;
  if ('DatabaseQuery' in kind) return `DatabaseQuery ${kind.DatabaseQuery.query}`;
  if ('DatabaseResult' in kind) return `DatabaseResult ${kind.DatabaseResult.rows_affected} rows`;
  if ('Error' in kind) return `Error ${kind.Error.error_type}: ${kind.Error.message}`;
  if ('Custom' in kind) return `Custom ${kind.Custom.name}`;
  return kindName(kind);
}

/** Where an event happened, from the fields that carry a location. */
export function eventLocation(kind: EventKind): string {
  if ('FunctionCall' in kind) {
    const f = kind.FunctionCall;
    return f.file ? `${f.file}:${f.line}` : f.module;
  }
  if ('StateChange' in kind) return kind.StateChange.location;
  if ('LockAcquire' in kind) return kind.LockAcquire.location;
  if ('LockRelease' in kind) return kind.LockRelease.location;
  if ('MemoryFence' in kind) return kind.MemoryFence.location;
  if ('HttpRequest' in kind) return kind.HttpRequest.url;
  return '';
}

/** A JSON value as a short literal: `1000`, `"open"`, `null`, `-` when absent. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '-';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
