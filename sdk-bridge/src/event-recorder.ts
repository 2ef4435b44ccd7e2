import { trace, type Context } from '@opentelemetry/api';
import { toWireEvent, type ServiceIdentity } from './native-event.js';
import type { NativeTransport } from './native-transport.js';
import { spanEventOf } from './span-event.js';
import type { TrackedEvent } from './tracked-event.js';
import type { TrackingState } from './tracking-state.js';

/** Where tracked events go: span events on the active span, or native batches to `POST /events`. */
export interface EventRecorder {
  readonly transport: 'otlp' | 'native';
  /** `parentId` is the previous event of the context (native program order). */
  record(
    event: TrackedEvent,
    state: TrackingState,
    parentId: string | undefined,
    ctx: Context,
  ): void;
}

export class SpanEventRecorder implements EventRecorder {
  readonly transport = 'otlp' as const;

  record(
    event: TrackedEvent,
    state: TrackingState,
    _parentId: string | undefined,
    ctx: Context,
  ): void {
    const span = trace.getSpan(ctx);
    if (!span?.isRecording()) return;
    if (event.kind.type === 'error') {
      span.recordException(
        {
          name: event.kind.errorType,
          message: event.kind.message,
          stack: event.kind.stack.join('\n'),
        },
        hrTime(event.timeNs),
      );
      return;
    }
    const converted = spanEventOf(event, state);
    if (converted) span.addEvent(converted.name, converted.attributes, hrTime(event.timeNs));
  }
}

export class NativeEventRecorder implements EventRecorder {
  readonly transport = 'native' as const;

  constructor(
    private readonly sink: NativeTransport,
    private readonly identity: ServiceIdentity,
  ) {}

  record(event: TrackedEvent, state: TrackingState, parentId: string | undefined): void {
    this.sink.enqueue(toWireEvent(event, state, parentId, this.identity));
  }
}

function hrTime(ns: bigint): [number, number] {
  return [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];
}
