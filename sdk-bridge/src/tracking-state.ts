import { context, createContextKey, type Context } from '@opentelemetry/api';
import type { ClockVector } from './clock-vector.js';

/**
 * Per execution context (request, job, task) bookkeeping, kept in the OpenTelemetry context so it flows
 * through async calls exactly like the active span. Mutable on purpose: each tracked event advances the
 * context's clock and becomes the parent of the next event.
 */
export interface TrackingState {
  /** Trace UUID (the 128 bits of the OTel trace id). */
  traceId: string;
  /** The logical context id sent as `metadata.thread_id`. */
  threadId: string;
  /** This context's span id (`metadata.distributed_span_id`). */
  spanId: string;
  /** The caller's span id when the context was entered from another service. */
  upstreamSpanId: string | undefined;
  clock: ClockVector;
  /** Last event recorded in this context: the parent of the next (program order, spec §2.3). */
  lastEventId: string | undefined;
}

const STATE_KEY = createContextKey('raceway.tracking-state');

export function currentState(ctx: Context = context.active()): TrackingState | undefined {
  return ctx.getValue(STATE_KEY) as TrackingState | undefined;
}

export function withState(ctx: Context, state: TrackingState): Context {
  return ctx.setValue(STATE_KEY, state);
}
