import {
  trace,
  type Context,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { CLOCK_HEADER } from './clock-header.js';
import type { Raceway } from './raceway.js';

/**
 * Carries `raceway-clock` beside `traceparent`/`tracestate` (compose it with the W3C propagators), in the
 * exact format of the old SDKs (spec §2.1), so services on the old SDKs and on this bridge interoperate.
 * Extraction is left to the Raceway middleware, which reads the header when it opens the request context.
 */
export class RacewayClockPropagator implements TextMapPropagator {
  constructor(private readonly raceway: Raceway) {}

  inject(ctx: Context, carrier: unknown, setter: TextMapSetter): void {
    const spanId = trace.getSpanContext(ctx)?.spanId;
    const header = this.raceway.outgoingClockHeader(ctx, spanId);
    if (header) setter.set(carrier, CLOCK_HEADER, header);
  }

  extract(ctx: Context, _carrier: unknown, _getter: TextMapGetter): Context {
    return ctx;
  }

  fields(): string[] {
    return [CLOCK_HEADER];
  }
}
