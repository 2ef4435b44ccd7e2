import type { OtlpLogsRequest } from '@raceway/proto';
import type { EventKind, RacewayEvent } from '../../../model/event.js';
import { rawAttr, stringAttr } from './attribute-lookup.js';
import { nanosToTimestamp } from './nanos-timestamp.js';
import { hashedUuid, isValidSpanId, isValidTraceId, spanEventId, traceUuidOf } from './otel-ids.js';
import type { OtlpRejection } from './otlp-rejection.js';
import { RacewayAttr } from './raceway-attributes.js';
import { racewayEventKind, racewayKindOf } from './raceway-event-kind.js';
import { parseClock } from './raceway-values.js';
import { resourceMetadata } from './resource-metadata.js';
import { codeLocation } from './span-event-kind.js';

export interface LogsConversion {
  events: RacewayEvent[];
  rejected: OtlpRejection[];
  /** Log records that are not raceway events (plain logs): accepted, not stored. */
  ignored: number;
}

/**
 * OTLP log records with an `event_name` of the raceway convention (span events are being deprecated
 * upstream in favour of log-based events) → Raceway events in the context of their span. Their
 * `parent_id` is the span's own event (derived id), so they follow the span start and are ordered among
 * themselves by time. Ids hash the record's content, so re-sent exports are idempotent.
 */
export function convertLogsRequest(request: OtlpLogsRequest): LogsConversion {
  const events: RacewayEvent[] = [];
  const rejected: OtlpRejection[] = [];
  let ignored = 0;
  // Identical records of one export (OTel JS stamps logs in whole ms) are distinct events: the n-th copy
  // gets its own id, the same on a re-sent export.
  const copies = new Map<string, number>();
  for (const rl of request.resourceLogs) {
    const resource = resourceMetadata(rl.resource);
    for (const sl of rl.scopeLogs) {
      for (const record of sl.logRecords) {
        const a = record.attributes;
        const isException = record.eventName === 'exception';
        const kindName = isException ? undefined : racewayKindOf(record.eventName, a);
        if (!isException && kindName === undefined) {
          ignored++;
          continue;
        }
        const reject = (reason: string): void => {
          rejected.push({ traceId: record.traceId, spanId: record.spanId, reason });
        };
        if (!isValidTraceId(record.traceId)) {
          reject(`trace_id "${record.traceId}" is not 16 bytes of hex or is all zero`);
          continue;
        }
        const spanId = isValidSpanId(record.spanId) ? record.spanId : undefined;
        const time = record.timeUnixNano !== 0n ? record.timeUnixNano : record.observedTimeUnixNano;
        if (time === 0n) {
          reject('time_unix_nano and observed_time_unix_nano are both missing');
          continue;
        }
        const threadId = stringAttr(a, RacewayAttr.threadId) ?? spanId ?? 'otlp-log';
        let kind: EventKind;
        if (kindName === undefined) {
          const stack = stringAttr(a, 'exception.stacktrace');
          kind = {
            Error: {
              error_type: stringAttr(a, 'exception.type') ?? 'Error',
              message: stringAttr(a, 'exception.message') ?? '',
              stack_trace:
                stack === undefined ? [] : stack.split('\n').filter((l) => l.trim() !== ''),
            },
          };
        } else {
          const result = racewayEventKind(kindName, record.eventName, a, {
            location: codeLocation(a) ?? 'unknown',
            threadId,
          });
          if (!result) continue;
          if ('error' in result) {
            reject(`${record.eventName || kindName}: ${result.error}`);
            continue;
          }
          kind = result.kind;
        }
        const tags = { ...resource.tags };
        if (record.droppedAttributesCount > 0)
          tags['otel.dropped_attributes_count'] = String(record.droppedAttributesCount);
        const key = `otlp-log/${record.traceId}/${record.spanId}/${time}/${record.eventName}/${JSON.stringify(a)}`;
        const copy = copies.get(key) ?? 0;
        copies.set(key, copy + 1);
        events.push({
          id: hashedUuid(copy === 0 ? key : `${key}#${copy}`),
          trace_id: traceUuidOf(record.traceId),
          parent_id: spanId === undefined ? null : spanEventId(record.traceId, spanId, 0),
          timestamp: nanosToTimestamp(time),
          kind,
          metadata: {
            thread_id: threadId,
            process_id: resource.processId,
            service_name: resource.serviceName,
            environment: resource.environment,
            tags,
            ...(resource.instanceId === undefined ? {} : { instance_id: resource.instanceId }),
            ...(spanId === undefined ? {} : { distributed_span_id: spanId }),
          },
          causality_vector: parseClock(rawAttr(a, RacewayAttr.clock)) ?? [],
          lock_set: [],
        });
      }
    }
  }
  return { events, rejected, ignored };
}
