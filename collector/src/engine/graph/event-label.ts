import type { RacewayEvent } from '../../model/event.js';

/** Short display label of an event, in the spirit of spec §3.4 path kinds (`FunctionCall(name)`). */
export function eventLabel(event: RacewayEvent): string {
  const kind = event.kind;
  if ('FunctionCall' in kind) return `FunctionCall(${kind.FunctionCall.function_name})`;
  if ('StateChange' in kind) return `${kind.StateChange.access_type}(${kind.StateChange.variable})`;
  if ('LockAcquire' in kind) return `LockAcquire(${kind.LockAcquire.lock_id})`;
  if ('LockRelease' in kind) return `LockRelease(${kind.LockRelease.lock_id})`;
  if ('HttpRequest' in kind)
    return `HttpRequest(${kind.HttpRequest.method} ${kind.HttpRequest.url})`;
  if ('HttpResponse' in kind) return `HttpResponse(${kind.HttpResponse.status})`;
  if ('Error' in kind) return `Error(${kind.Error.error_type})`;
  if ('Custom' in kind) return `Custom(${kind.Custom.name})`;
  if ('DatabaseQuery' in kind) return `DatabaseQuery(${kind.DatabaseQuery.database})`;
  return Object.keys(kind)[0] ?? 'Unknown';
}
