import type { StoredEvent } from '../../model/stored-event.js';

/** Path step kind label (spec §3.4): the old clients show these strings as they are. */
export function pathKind(event: StoredEvent): string {
  const { kind } = event;
  if ('FunctionCall' in kind) return `FunctionCall(${kind.FunctionCall.function_name})`;
  if ('StateChange' in kind) return `StateChange(${kind.StateChange.variable})`;
  if ('AsyncSpawn' in kind) return 'AsyncSpawn';
  if ('HttpRequest' in kind)
    return `HttpRequest(${kind.HttpRequest.method} ${kind.HttpRequest.url})`;
  if ('DatabaseQuery' in kind) return 'DatabaseQuery';
  return 'Other';
}

/**
 * Path step location (spec §3.4): FunctionCall `file:line`, StateChange location, HttpRequest url. A call
 * without a file (an OTLP span without `code.*` attributes) has no location: empty, not ":0".
 */
export function pathLocation(event: StoredEvent): string {
  const { kind } = event;
  if ('FunctionCall' in kind) {
    const { file, line } = kind.FunctionCall;
    return file === '' ? '' : `${file}:${line}`;
  }
  if ('StateChange' in kind) return kind.StateChange.location;
  if ('HttpRequest' in kind) return kind.HttpRequest.url;
  return 'unknown';
}
