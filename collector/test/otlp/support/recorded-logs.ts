import { context, trace, type Context } from '@opentelemetry/api';
import type { AnyValueMap } from '@opentelemetry/api-logs';
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import { T0_MS } from './recorded-spans.js';

/** Log-based events (`event_name`) recorded with the real OTel JS logs SDK and serialised by it. */
export class RecordingLogs {
  private readonly exporter = new InMemoryLogRecordExporter();
  private readonly provider: LoggerProvider;

  constructor(resource: Record<string, string | number>) {
    this.provider = new LoggerProvider({
      resource: resourceFromAttributes(resource),
      processors: [new SimpleLogRecordProcessor({ exporter: this.exporter })],
    });
  }

  emit(
    eventName: string | undefined,
    atMs: number,
    attributes: AnyValueMap,
    ids?: { traceId: string; spanId: string },
  ): void {
    const logger = this.provider.getLogger('raceway-test');
    logger.emit({
      ...(eventName === undefined ? {} : { eventName }),
      timestamp: T0_MS + atMs,
      attributes,
      body: 'log line',
      ...(ids
        ? {
            context: contextWith(ids),
          }
        : {}),
    });
  }

  protobuf(): Buffer {
    return Buffer.from(
      ProtobufLogsSerializer.serializeRequest(this.exporter.getFinishedLogRecords())!,
    );
  }

  json(): Buffer {
    return Buffer.from(JsonLogsSerializer.serializeRequest(this.exporter.getFinishedLogRecords())!);
  }
}

function contextWith(ids: { traceId: string; spanId: string }): Context {
  return trace.setSpanContext(context.active(), { ...ids, traceFlags: 1 });
}
