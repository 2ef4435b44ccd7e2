import type { EventKind } from '../../model/event.js';

/**
 * The operation an event performs, as the baselines key it (spec §4.11 "kind name"):
 * `FunctionCall(get_users)`, `HttpResponse(200)`, `Custom(name)`, or the bare variant name for kinds
 * without a distinguishing field. Critical path and performance shares use the same key.
 */
export function operationKey(kind: EventKind): string {
  if ('FunctionCall' in kind) return `FunctionCall(${kind.FunctionCall.function_name})`;
  if ('StateChange' in kind) return `StateChange(${kind.StateChange.variable})`;
  if ('LockAcquire' in kind) return `LockAcquire(${kind.LockAcquire.lock_type})`;
  if ('LockRelease' in kind) return `LockRelease(${kind.LockRelease.lock_type})`;
  if ('HttpRequest' in kind) return `HttpRequest(${kind.HttpRequest.method})`;
  if ('HttpResponse' in kind) return `HttpResponse(${kind.HttpResponse.status})`;
  if ('Error' in kind) return `Error(${kind.Error.error_type})`;
  if ('Custom' in kind) return `Custom(${kind.Custom.name})`;
  if ('AsyncSpawn' in kind) return 'AsyncSpawn';
  if ('AsyncAwait' in kind) return 'AsyncAwait';
  if ('MemoryFence' in kind) return 'MemoryFence';
  if ('DatabaseQuery' in kind) return 'DatabaseQuery';
  return 'DatabaseResult';
}
