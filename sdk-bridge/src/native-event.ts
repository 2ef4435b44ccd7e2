import type { TrackedEvent, TrackedKind } from './tracked-event.js';
import type { TrackingState } from './tracking-state.js';

/** Identity of the service, stamped on every native event. */
export interface ServiceIdentity {
  serviceName: string;
  instanceId: string;
  environment: string;
  tags: Readonly<Record<string, string>>;
}

/** A Raceway wire event (spec §1.2), as `POST /events` takes it. */
export interface WireEvent {
  id: string;
  trace_id: string;
  parent_id: string | null;
  timestamp: string;
  kind: Record<string, unknown>;
  metadata: {
    thread_id: string;
    process_id: number;
    service_name: string;
    environment: string;
    tags: Record<string, string>;
    duration_ns: number | null;
    instance_id: string;
    distributed_span_id: string;
    upstream_span_id: string | null;
  };
  causality_vector: Array<[string, number]>;
  lock_set: string[];
}

const WIRE_LOCK_TYPE = {
  mutex: 'Mutex',
  'rwlock.read': 'RWLock-Read',
  'rwlock.write': 'RWLock-Write',
} as const;

/** RFC 3339 UTC with nanoseconds from epoch nanoseconds. */
export function formatNanos(timeNs: bigint): string {
  const ms = timeNs / 1_000_000n;
  const iso = new Date(Number(ms)).toISOString().slice(0, 19);
  return `${iso}.${(timeNs % 1_000_000_000n).toString().padStart(9, '0')}Z`;
}

export function toWireEvent(
  event: TrackedEvent,
  state: TrackingState,
  parentId: string | undefined,
  identity: ServiceIdentity,
): WireEvent {
  const location = `${event.site.file}:${event.site.line}`;
  return {
    id: event.id,
    trace_id: state.traceId,
    parent_id: parentId ?? null,
    timestamp: formatNanos(event.timeNs),
    kind: wireKind(event.kind, location, event.site.file, event.site.line),
    metadata: {
      thread_id: state.threadId,
      process_id: process.pid,
      service_name: identity.serviceName,
      environment: identity.environment,
      tags: { ...identity.tags, sdk_language: 'typescript' },
      duration_ns: durationOf(event.kind),
      instance_id: identity.instanceId,
      distributed_span_id: state.spanId,
      upstream_span_id: state.upstreamSpanId ?? null,
    },
    causality_vector: state.clock.map(([c, n]): [string, number] => [c, n]),
    lock_set: [],
  };
}

function durationOf(kind: TrackedKind): number | null {
  return kind.type === 'function_call' || kind.type === 'http_response'
    ? (kind.durationNs ?? null)
    : null;
}

function wireKind(
  kind: TrackedKind,
  location: string,
  file: string,
  line: number,
): Record<string, unknown> {
  switch (kind.type) {
    case 'state_change':
      return {
        StateChange: {
          variable: kind.variable,
          old_value: kind.oldValue === undefined ? null : (JSON.parse(kind.oldValue) as unknown),
          new_value: JSON.parse(kind.newValue) as unknown,
          location,
          access_type: kind.access,
        },
      };
    case 'lock_acquire':
      return {
        LockAcquire: { lock_id: kind.lockId, lock_type: WIRE_LOCK_TYPE[kind.mode], location },
      };
    case 'lock_release':
      return {
        LockRelease: { lock_id: kind.lockId, lock_type: WIRE_LOCK_TYPE[kind.mode], location },
      };
    case 'async_spawn':
      return { AsyncSpawn: { task_id: kind.taskId, spawned_by: location } };
    case 'async_await':
      return { AsyncAwait: { future_id: kind.taskId, awaited_at: location } };
    case 'custom':
      return { Custom: { name: kind.name, data: JSON.parse(kind.data) as unknown } };
    case 'function_call':
      return {
        FunctionCall: {
          function_name: kind.name,
          module: 'app',
          args: JSON.parse(kind.args) as unknown,
          file,
          line,
        },
      };
    case 'error':
      return {
        Error: { error_type: kind.errorType, message: kind.message, stack_trace: kind.stack },
      };
    case 'http_request':
      return { HttpRequest: { method: kind.method, url: kind.url, headers: {}, body: null } };
    case 'http_response':
      return {
        HttpResponse: {
          status: kind.status,
          headers: {},
          body: null,
          duration_ms: Math.round(kind.durationNs / 1e6),
        },
      };
  }
}
