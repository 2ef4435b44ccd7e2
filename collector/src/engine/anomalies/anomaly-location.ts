import type { EventKind } from '../../model/event.js';

/** Where an anomalous event happened (spec §4.11 location rule, shared with the tree view). */
export function anomalyLocation(kind: EventKind): string {
  if ('FunctionCall' in kind) {
    const call = kind.FunctionCall;
    // An OTLP span without `code.*` attributes has no file: the function alone, not ":0 (f)".
    if (call.file === '') return call.function_name;
    return `${call.file}:${call.line} (${call.function_name})`;
  }
  if ('StateChange' in kind) return kind.StateChange.location;
  if ('LockAcquire' in kind) return kind.LockAcquire.location;
  if ('LockRelease' in kind) return kind.LockRelease.location;
  if ('MemoryFence' in kind) return kind.MemoryFence.location;
  if ('HttpRequest' in kind) return kind.HttpRequest.url;
  if ('DatabaseQuery' in kind) return kind.DatabaseQuery.database;
  return 'unknown';
}
