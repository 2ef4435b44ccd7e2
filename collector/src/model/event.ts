/**
 * The Raceway event as it travels on the wire (spec §1.2–1.4, Appendix A). This is the contract with the
 * existing SDKs: field names and the externally tagged `kind` must not change.
 */

/** A vector clock entry as the SDKs send it: `[component, counter]`. */
export type ClockEntry = [component: string, counter: number];

export type AccessType = 'Read' | 'Write' | 'AtomicRead' | 'AtomicWrite' | 'AtomicRMW';
export const ACCESS_TYPES: readonly AccessType[] = [
  'Read',
  'Write',
  'AtomicRead',
  'AtomicWrite',
  'AtomicRMW',
];

export type MemoryOrdering = 'Relaxed' | 'Acquire' | 'Release' | 'AcqRel' | 'SeqCst';

export interface FunctionCallKind {
  function_name: string;
  module: string;
  args: unknown;
  file: string;
  line: number;
}
export interface AsyncSpawnKind {
  task_id: string;
  spawned_by: string;
}
export interface AsyncAwaitKind {
  future_id: string;
  awaited_at: string;
}
export interface StateChangeKind {
  variable: string;
  old_value?: unknown;
  new_value: unknown;
  location: string;
  access_type: AccessType;
}
export interface LockKind {
  lock_id: string;
  /** Free text; conventions `Mutex`, `RWLock-Read`, `RwLock-Write`, `RwLock::Read` (spec §1.3). */
  lock_type: string;
  location: string;
}
export interface MemoryFenceKind {
  ordering: MemoryOrdering;
  location: string;
}
export interface HttpRequestKind {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}
export interface HttpResponseKind {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  duration_ms: number;
}
export interface DatabaseQueryKind {
  query: string;
  database: string;
  duration_ms: number;
}
export interface DatabaseResultKind {
  rows_affected: number;
}
export interface ErrorKind {
  error_type: string;
  message: string;
  stack_trace: string[];
}
export interface CustomKind {
  name: string;
  data: unknown;
}

/** Externally tagged: exactly one key, the variant name (spec §1.3). */
export type EventKind =
  | { FunctionCall: FunctionCallKind }
  | { AsyncSpawn: AsyncSpawnKind }
  | { AsyncAwait: AsyncAwaitKind }
  | { StateChange: StateChangeKind }
  | { LockAcquire: LockKind }
  | { LockRelease: LockKind }
  | { MemoryFence: MemoryFenceKind }
  | { HttpRequest: HttpRequestKind }
  | { HttpResponse: HttpResponseKind }
  | { DatabaseQuery: DatabaseQueryKind }
  | { DatabaseResult: DatabaseResultKind }
  | { Error: ErrorKind }
  | { Custom: CustomKind };

/** Union of all keys of {@link EventKind}. */
export type EventKindName =
  | 'FunctionCall'
  | 'AsyncSpawn'
  | 'AsyncAwait'
  | 'StateChange'
  | 'LockAcquire'
  | 'LockRelease'
  | 'MemoryFence'
  | 'HttpRequest'
  | 'HttpResponse'
  | 'DatabaseQuery'
  | 'DatabaseResult'
  | 'Error'
  | 'Custom';

export const EVENT_KIND_NAMES: readonly EventKindName[] = [
  'FunctionCall',
  'AsyncSpawn',
  'AsyncAwait',
  'StateChange',
  'LockAcquire',
  'LockRelease',
  'MemoryFence',
  'HttpRequest',
  'HttpResponse',
  'DatabaseQuery',
  'DatabaseResult',
  'Error',
  'Custom',
];

export interface EventMetadata {
  /** The logical execution context (request, task, thread), not always an OS thread. */
  thread_id: string;
  process_id: number;
  service_name: string;
  environment: string;
  tags: Record<string, string>;
  duration_ns?: number | null;
  instance_id?: string | null;
  distributed_span_id?: string | null;
  upstream_span_id?: string | null;
}

export interface RacewayEvent {
  id: string;
  trace_id: string;
  parent_id?: string | null;
  /** RFC 3339; normalised by ingest to UTC with a `Z` suffix, sub-second digits kept. */
  timestamp: string;
  kind: EventKind;
  metadata: EventMetadata;
  /** As sent by the SDK: a hint for program order and call edges, never compared blindly. */
  causality_vector: ClockEntry[];
  lock_set: string[];
}

/** The variant name of an event's kind. */
export function kindName(kind: EventKind): EventKindName {
  for (const key in kind) return key as EventKindName;
  throw new TypeError('event kind has no variant');
}

/** The payload of a StateChange event, or undefined for every other kind. */
export function stateChangeOf(event: RacewayEvent): StateChangeKind | undefined {
  return 'StateChange' in event.kind ? event.kind.StateChange : undefined;
}
