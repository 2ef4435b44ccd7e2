import type { OtlpLogsRequest, OtlpPartialSuccess, OtlpTraceRequest } from '@raceway/proto';
import { BackpressureError } from '../../errors/raceway-error.js';
import type { RacewayEvent } from '../../model/event.js';
import type { OtlpReceiverDeps } from './create-otlp-http-handler.js';
import { convertLogsRequest } from './convert/convert-logs-request.js';
import { convertTraceRequest } from './convert/convert-trace-request.js';
import { rejectionMessage, type OtlpRejection } from './convert/otlp-rejection.js';

/**
 * Converts a decoded export and hands its events to the pipeline; shared by the HTTP and gRPC receivers.
 * Resolves with the `partial_success` to report (undefined when everything was accepted). Rejects with the
 * sink's `BackpressureError` / `StorageError`, having accepted nothing of the export.
 */
export async function ingestTraces(
  request: OtlpTraceRequest,
  deps: OtlpReceiverDeps,
): Promise<OtlpPartialSuccess | undefined> {
  const conversion = convertTraceRequest(request);
  const refused = await submit(conversion.events, conversion.rejected, deps);
  return partialOf([...conversion.rejected, ...refused], 'span');
}

export async function ingestLogs(
  request: OtlpLogsRequest,
  deps: OtlpReceiverDeps,
): Promise<OtlpPartialSuccess | undefined> {
  const conversion = convertLogsRequest(request);
  const refused = await submit(conversion.events, conversion.rejected, deps);
  return partialOf([...conversion.rejected, ...refused], 'log record');
}

/** Resolves with the events the sink refused for good (queue mode: larger than the broker takes). */
async function submit(
  events: RacewayEvent[],
  rejected: readonly OtlpRejection[],
  { sink, metrics, logger }: OtlpReceiverDeps,
): Promise<OtlpRejection[]> {
  if (rejected.length > 0) {
    metrics.rejected.inc({ receiver: 'otlp' }, rejected.length);
    logger.debug({ rejected: rejected.length, first: rejected[0] }, 'OTLP items rejected');
  }
  if (events.length === 0) return [];
  try {
    const result = await sink.submit(events);
    metrics.accepted.inc({ receiver: 'otlp' }, result.inserted);
    if (result.duplicates > 0) metrics.duplicates.inc(result.duplicates);
    const refused = result.refused ?? [];
    if (refused.length === 0) return [];
    metrics.rejected.inc({ receiver: 'otlp' }, refused.length);
    const byId = new Map(events.map((e) => [e.id, e]));
    return refused.map(({ id, reason }) => ({
      traceId: byId.get(id)?.trace_id ?? '',
      spanId: byId.get(id)?.metadata.distributed_span_id ?? '',
      reason,
    }));
  } catch (error) {
    if (error instanceof BackpressureError) metrics.backpressured.inc(events.length);
    throw error;
  }
}

function partialOf(
  rejected: readonly OtlpRejection[],
  noun: string,
): OtlpPartialSuccess | undefined {
  if (rejected.length === 0) return undefined;
  return { rejected: rejected.length, errorMessage: rejectionMessage(rejected, noun) };
}
