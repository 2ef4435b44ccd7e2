import type { Attributes } from '@opentelemetry/api';
import type { TrackedEvent, TrackedKind } from './tracked-event.js';
import type { TrackingState } from './tracking-state.js';

/**
 * The `raceway.*` span-event convention that the collector's OTLP receiver converts back into Raceway
 * events (README "OTLP and the raceway.* convention"). Function calls and HTTP exchanges are spans, not
 * span events, so they have no entry here.
 */
export function spanEventOf(
  event: TrackedEvent,
  state: TrackingState,
): { name: string; attributes: Attributes } | undefined {
  const base: Attributes = {
    'raceway.thread.id': state.threadId,
    'raceway.clock': JSON.stringify(state.clock),
    'code.file.path': event.site.file,
    'code.line.number': event.site.line,
    ...(event.site.functionName ? { 'code.function.name': event.site.functionName } : {}),
  };
  const own = kindAttributes(event.kind);
  return own && { name: own.name, attributes: { ...base, ...own.attributes } };
}

const ACCESS = {
  Read: 'read',
  Write: 'write',
  AtomicRead: 'atomic_read',
  AtomicWrite: 'atomic_write',
  AtomicRMW: 'atomic_rmw',
} as const;

function kindAttributes(kind: TrackedKind): { name: string; attributes: Attributes } | undefined {
  switch (kind.type) {
    case 'state_change':
      return {
        name: 'raceway.state_change',
        attributes: {
          'raceway.variable.name': kind.variable,
          'raceway.access.type': ACCESS[kind.access],
          'raceway.value.new': kind.newValue,
          ...(kind.oldValue === undefined ? {} : { 'raceway.value.old': kind.oldValue }),
        },
      };
    case 'lock_acquire':
    case 'lock_release':
      return {
        name: kind.type === 'lock_acquire' ? 'raceway.lock.acquire' : 'raceway.lock.release',
        attributes: { 'raceway.lock.id': kind.lockId, 'raceway.lock.type': kind.mode },
      };
    case 'async_spawn':
    case 'async_await':
      return {
        name: kind.type === 'async_spawn' ? 'raceway.async.spawn' : 'raceway.async.await',
        attributes: { 'raceway.async.task.id': kind.taskId },
      };
    case 'custom':
      return {
        name: 'raceway.custom',
        attributes: { 'raceway.custom.name': kind.name, 'raceway.custom.data': kind.data },
      };
    case 'function_call':
    case 'error':
    case 'http_request':
    case 'http_response':
      return undefined;
  }
}
