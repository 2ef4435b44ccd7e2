import { randomUUID } from 'node:crypto';
import {
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { callSite } from './call-site.js';
import { CLOCK_HEADER, formatClockHeader, parseClockHeader } from './clock-header.js';
import { incrementClock, mergeClocks, withComponent } from './clock-vector.js';
import type { EventRecorder } from './event-recorder.js';
import { newEventId, newSpanId, traceIdToUuid, uuidToTraceId } from './trace-ids.js';
import { lockModeOf, snapshot, type AccessType, type TrackedKind } from './tracked-event.js';
import { currentState, withState, type TrackingState } from './tracking-state.js';

export interface RacewayIdentity {
  serviceName: string;
  instanceId: string;
}

/** A lock in either shape the old SDK accepted: `lock()/unlock()` or `acquire()/release()`. */
export type LockLike =
  { lock(): unknown; unlock(): unknown } | { acquire(): unknown; release(): unknown };

const TRACER = 'raceway-sdk-bridge';

/**
 * The tracking API (the old TS SDK's, spec §8.1, without its bugs §10.4). Every call records into the
 * current execution context; outside any context it is a no-op with one warning, and `runInContext`
 * opens one for jobs, workers and tests.
 */
export class Raceway {
  private warnedNoContext = false;
  readonly component: string;

  constructor(
    readonly identity: RacewayIdentity,
    private readonly recorder: EventRecorder,
    private readonly warn: (message: string) => void,
  ) {
    this.component = `${identity.serviceName}#${identity.instanceId}`;
  }

  // ---- state ----------------------------------------------------------------------------------

  trackStateChange(
    variable: string,
    oldValue: unknown,
    newValue: unknown,
    access: AccessType = 'Write',
  ): void {
    this.record({
      type: 'state_change',
      variable,
      access,
      oldValue: oldValue === undefined ? undefined : snapshot(oldValue),
      newValue: snapshot(newValue),
    });
  }

  trackRead(variable: string, value: unknown): void {
    this.trackStateChange(variable, undefined, value, 'Read');
  }

  trackWrite(variable: string, oldValue: unknown, newValue: unknown): void {
    this.trackStateChange(variable, oldValue, newValue, 'Write');
  }

  // ---- locks ----------------------------------------------------------------------------------

  trackLockAcquire(lockId: string, lockType = 'Mutex'): void {
    this.record({ type: 'lock_acquire', lockId, mode: lockModeOf(lockType) });
  }

  trackLockRelease(lockId: string, lockType = 'Mutex'): void {
    this.record({ type: 'lock_release', lockId, mode: lockModeOf(lockType) });
  }

  /** Acquires the real lock, records the hold around `fn`, and always records the release (spec §9 S12). */
  async withLock<T>(
    lock: LockLike,
    lockId: string,
    fn: () => T | Promise<T>,
    lockType = 'Mutex',
  ): Promise<T> {
    await ('lock' in lock ? lock.lock() : lock.acquire());
    this.trackLockAcquire(lockId, lockType);
    try {
      return await fn();
    } finally {
      this.trackLockRelease(lockId, lockType);
      await ('unlock' in lock ? lock.unlock() : lock.release());
    }
  }

  withReadLock<T>(lock: LockLike, lockId: string, fn: () => T | Promise<T>): Promise<T> {
    return this.withLock(lock, lockId, fn, 'RWLock-Read');
  }

  withWriteLock<T>(lock: LockLike, lockId: string, fn: () => T | Promise<T>): Promise<T> {
    return this.withLock(lock, lockId, fn, 'RWLock-Write');
  }

  // ---- calls, tasks, custom events, errors ------------------------------------------------------

  trackFunctionCall(name: string, args: unknown = {}, durationNs?: number): void {
    this.record({ type: 'function_call', name, args: snapshot(args), durationNs });
  }

  /**
   * Runs `fn` and records it as one function call with its duration. The call is placed *before* the
   * events recorded inside `fn` (the old SDK recorded it after them): a span in OTLP mode, a
   * FunctionCall whose id is the parent of the inner events in native mode.
   */
  async trackFunction<T>(name: string, args: unknown, fn: () => T | Promise<T>): Promise<T> {
    const state = currentState();
    if (!state) return fn();
    const site = callSite();
    const start = nowNs();
    if (this.recorder.transport === 'otlp') {
      return trace.getTracer(TRACER).startActiveSpan(
        name,
        {
          attributes: {
            'raceway.thread.id': state.threadId,
            'code.function.name': name,
            'code.file.path': site.file,
            'code.line.number': site.line,
          },
        },
        (span) => endSpanAfter(span, fn),
      );
    }
    const id = newEventId();
    const parentId = state.lastEventId;
    state.clock = incrementClock(state.clock, this.component);
    const clockAtCall = state.clock;
    state.lastEventId = id;
    try {
      return await fn();
    } finally {
      // Stamped when it returns, with its duration, like the old SDKs (the collector reads the interval
      // of a native FunctionCall as [timestamp − duration, timestamp]); parent_id still puts it first.
      const end = nowNs();
      const kind: TrackedKind = {
        type: 'function_call',
        name,
        args: snapshot(args),
        durationNs: Number(end - start),
      };
      this.recorder.record(
        { id, kind, site, timeNs: end },
        { ...state, clock: clockAtCall },
        parentId,
        context.active(),
      );
    }
  }

  trackSpawn(taskId: string = randomUUID()): string {
    this.record({ type: 'async_spawn', taskId });
    return taskId;
  }

  trackAwait(taskId: string): void {
    this.record({ type: 'async_await', taskId });
  }

  trackCustom(name: string, data: unknown = {}): void {
    this.record({ type: 'custom', name, data: snapshot(data) });
  }

  trackError(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    this.record({
      type: 'error',
      errorType: err.name,
      message: err.message,
      stack: (err.stack ?? '')
        .split('\n')
        .slice(1)
        .map((l) => l.trim()),
    });
  }

  // ---- contexts ---------------------------------------------------------------------------------

  /**
   * Runs `fn` in a new execution context: a child of the current one (same trace, ordered after what the
   * parent recorded so far) or, outside any context, the root of a new trace.
   */
  runInContext<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    const parent = currentState();
    const threadId = `node-${process.pid}-${randomUUID().slice(0, 8)}`;
    // The spawn is recorded in the parent (its span, its program order) before the child starts.
    if (parent) this.record({ type: 'async_spawn', taskId: threadId }, parent);
    return trace
      .getTracer(TRACER)
      .startActiveSpan(
        name,
        { kind: SpanKind.INTERNAL, attributes: { 'raceway.thread.id': threadId } },
        parent ? context.active() : trace.deleteSpan(context.active()),
        async (span) => {
          const state = this.childState(span, threadId, parent);
          return await endSpanAfter(span, () =>
            context.with(withState(context.active(), state), async () => {
              this.trackFunctionCall(name);
              return await fn();
            }),
          );
        },
      );
  }

  /**
   * Enters the context of an inbound request: trace id and caller span from `traceparent` and
   * `raceway-clock` (spec §2.2), a fresh logical thread id, the local clock component ensured.
   */
  enterRequest(
    headers: Readonly<Record<string, string | string[] | undefined>>,
    span: Span | undefined,
    ctx: Context,
  ): TrackingState {
    const header = (name: string): string | undefined => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const clockHeader = parseClockHeader(header(CLOCK_HEADER));
    const spanContext = span?.spanContext();
    const remote = trace.getSpanContext(ctx);
    const traceId =
      spanContext && trace.isSpanContextValid(spanContext)
        ? traceIdToUuid(spanContext.traceId)
        : clockHeader?.trace_id || (remote ? traceIdToUuid(remote.traceId) : randomUUID());
    const ownSpan =
      spanContext && trace.isSpanContextValid(spanContext)
        ? spanContext.spanId
        : clockHeader?.span_id || newSpanId();
    return {
      traceId,
      threadId: `node-${process.pid}-${randomUUID().slice(0, 8)}`,
      spanId: ownSpan,
      upstreamSpanId: clockHeader?.parent_span_id || undefined,
      clock: withComponent(clockHeader?.clock ?? [], this.component),
      lastEventId: undefined,
    };
  }

  /**
   * Headers for an outgoing call from the current context (spec §2.4): `traceparent` naming the callee's
   * span, `raceway-clock` with the bumped clock, `tracestate` passed through. Never any API key.
   */
  propagationHeaders(extra: Record<string, string> = {}): Record<string, string> {
    if (!currentState())
      throw new Error('raceway: propagationHeaders() called outside a tracked context');
    const carrier: Record<string, string> = {};
    // With the Raceway propagator registered (OTLP mode) this already adds raceway-clock.
    propagation.inject(context.active(), carrier);
    carrier.traceparent ??= `00-${uuidToTraceId(currentState()!.traceId)}-${newSpanId()}-01`;
    if (!carrier[CLOCK_HEADER]) {
      const spanId = /^00-[0-9a-f]{32}-([0-9a-f]{16})-/.exec(carrier.traceparent)?.[1];
      const header = this.outgoingClockHeader(context.active(), spanId);
      if (header) carrier[CLOCK_HEADER] = header;
    }
    return { ...carrier, ...extra };
  }

  /**
   * The `raceway-clock` for a call leaving `ctx` towards span `calleeSpanId`: bumps the context's clock,
   * as every SDK does on propagation (spec §2.3–2.4), so the callee knows which caller events precede it.
   */
  outgoingClockHeader(ctx: Context, calleeSpanId: string | undefined): string | undefined {
    const state = currentState(ctx);
    if (!state) return undefined;
    state.clock = incrementClock(state.clock, this.component);
    return formatClockHeader({
      trace_id: state.traceId,
      span_id: calleeSpanId ?? newSpanId(),
      parent_span_id: state.spanId,
      service: this.identity.serviceName,
      instance: this.identity.instanceId,
      clock: state.clock,
    });
  }

  /** The `raceway-clock` a callee returns in its response, so the caller can merge it (return edge). */
  responseClockHeader(): string | undefined {
    const state = currentState();
    if (!state) return undefined;
    return formatClockHeader({
      trace_id: state.traceId,
      span_id: state.spanId,
      parent_span_id: state.upstreamSpanId ?? '',
      service: this.identity.serviceName,
      instance: this.identity.instanceId,
      clock: state.clock,
    });
  }

  /** Merges a callee's returned clock into the current context: what follows happens after the call. */
  mergeResponseClock(headerValue: string | null | undefined): void {
    const state = currentState();
    const payload = parseClockHeader(headerValue ?? undefined);
    if (state && payload) state.clock = mergeClocks(state.clock, payload.clock);
  }

  /** `fetch` with propagation headers out and the callee's clock merged back in. */
  async fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    if (!currentState()) return fetch(input, init);
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.propagationHeaders()))
      if (!headers.has(k)) headers.set(k, v);
    const response = await fetch(input, { ...init, headers });
    this.mergeResponseClock(response.headers.get(CLOCK_HEADER));
    return response;
  }

  /** Records into `state` (default: the current context); a no-op with one warning outside any. */
  record(kind: TrackedKind, state: TrackingState | undefined = currentState()): void {
    if (!state) {
      if (!this.warnedNoContext) {
        this.warnedNoContext = true;
        this.warn(
          'raceway: tracking call outside a context ignored; use middleware() or runInContext()',
        );
      }
      return;
    }
    state.clock = incrementClock(state.clock, this.component);
    const id = newEventId();
    const parentId = state.lastEventId;
    state.lastEventId = id;
    this.recorder.record(
      { id, kind, site: callSite(), timeNs: nowNs() },
      state,
      parentId,
      context.active(),
    );
  }

  private childState(
    span: Span,
    threadId: string,
    parent: TrackingState | undefined,
  ): TrackingState {
    const sc = span.spanContext();
    const valid = trace.isSpanContextValid(sc);
    return {
      traceId: parent?.traceId ?? (valid ? traceIdToUuid(sc.traceId) : randomUUID()),
      threadId,
      spanId: valid ? sc.spanId : (parent?.spanId ?? newSpanId()),
      upstreamSpanId: parent?.upstreamSpanId,
      // The child starts from what its parent had seen: spawn is a happens-before edge.
      clock: parent ? parent.clock : [[this.component, 0]],
      lastEventId: parent?.lastEventId,
    };
  }
}

/** Runs `fn` as the work of `span`: a failure is recorded on the span and rethrown; the span ends either way. */
async function endSpanAfter<T>(span: Span, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    markError(span, err);
    throw err;
  } finally {
    span.end();
  }
}

function markError(span: Span, err: unknown): void {
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: err instanceof Error ? err.message : String(err),
  });
}

/** Wall-clock nanoseconds with sub-millisecond resolution. */
export function nowNs(): bigint {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
}
