/**
 * The event as the collector API returns it. Mirrors collector/src/model/event.ts and
 * collector/src/model/stored-event.ts (the UI is a separate bundle); keep them in step.
 */

export type ClockEntry = [component: string, counter: number];
export type AccessType = 'Read' | 'Write' | 'AtomicRead' | 'AtomicWrite' | 'AtomicRMW';
export type RaceSeverity = 'CRITICAL' | 'WARNING' | 'INFO';
export type AnomalySeverity = 'Minor' | 'Warning' | 'Critical';

export interface FunctionCallKind {
  function_name: string;
  module: string;
  args: unknown;
  file: string;
  line: number;
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
  lock_type: string;
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

/** Externally tagged: exactly one key, the variant name (spec §1.3). */
export type EventKind =
  | { FunctionCall: FunctionCallKind }
  | { AsyncSpawn: { task_id: string; spawned_by: string } }
  | { AsyncAwait: { future_id: string; awaited_at: string } }
  | { StateChange: StateChangeKind }
  | { LockAcquire: LockKind }
  | { LockRelease: LockKind }
  | { MemoryFence: { ordering: string; location: string } }
  | { HttpRequest: HttpRequestKind }
  | { HttpResponse: HttpResponseKind }
  | { DatabaseQuery: { query: string; database: string; duration_ms: number } }
  | { DatabaseResult: { rows_affected: number } }
  | { Error: { error_type: string; message: string; stack_trace: string[] } }
  | { Custom: { name: string; data: unknown } };

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

export interface EventMetadata {
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

/** An event as the API returns it: the wire event plus what the collector computed. */
export interface ApiEvent {
  id: string;
  trace_id: string;
  parent_id?: string | null;
  timestamp: string;
  kind: EventKind;
  metadata: EventMetadata;
  causality_vector: ClockEntry[];
  lock_set: string[];
  seq?: number;
  time_us?: number;
  /** The event's interval as the engine reads it (SDK calls and responses are stamped when they end). */
  start_us?: number;
  end_us?: number;
  clock?: ClockEntry[];
  locks_held?: string[];
  context?: string;
}
