import type { Logger } from 'pino';
import type { CollectorMetrics } from '../../metrics/collector-metrics.js';
import type { EventSink } from '../../pipeline/event-sink.js';
import type { OtlpHttpHandler } from './otlp-http-handler.js';

export interface OtlpReceiverDeps {
  sink: EventSink;
  metrics: CollectorMetrics;
  logger: Logger;
}

/** Decodes OTLP/HTTP exports (protobuf or JSON), converts spans and logs to events, submits them. */
export function createOtlpHttpHandler(_deps: OtlpReceiverDeps): OtlpHttpHandler {
  return () => Promise.reject(new Error('OTLP receiver not implemented yet'));
}
