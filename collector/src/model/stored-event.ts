import type { RacewayEvent } from './event.js';

/**
 * An accepted event as the store keeps it: the wire event (timestamp normalised to RFC 3339 `Z`) plus
 * what ingest derives once. Computed causality (`clock`, `locks_held`, `context`) is not stored here:
 * it belongs to the engine and is merged in by the API (see {@link ComputedFields}).
 */
export interface StoredEvent extends RacewayEvent {
  /** Ingest order, assigned by the pipeline: unique and increasing within one collector. */
  seq: number;
  /** Microseconds since the Unix epoch, parsed from `timestamp` (fractions kept). */
  time_us: number;
}

/** What the causality stage computes for an event; the API exposes these next to the raw fields. */
export interface ComputedFields {
  /** The collector's own vector clock over execution contexts: `[[context, counter], ...]`. */
  clock: Array<[string, number]>;
  /** Locks held by the event's context when it happened (RW locks as `id` with their mode). */
  locks_held: string[];
  /** Execution-context id: `trace_id/service#instance/thread_id` (or the span for OTel). */
  context: string;
}

/** The event as the API returns it, with its interval (`eventInterval`) so clients draw what the engine uses. */
export type ApiEvent = StoredEvent &
  Partial<ComputedFields> & {
    /** When the event's work started and ended, µs since the epoch (equal for instants); always sent. */
    start_us: number;
    end_us: number;
  };
