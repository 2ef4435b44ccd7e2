import type { StoredEvent } from '../../collector/src/model/stored-event.js';
import { eventColumns } from '../../collector/src/store/postgres/event-columns.js';
import type { CopyValue } from './copy-rows.js';

/** The columns of `raceway_events`, in the order {@link eventRows} yields them. */
export const EVENT_COLUMNS = [
  'id',
  'trace_id',
  'seq',
  'time_us',
  'timestamp',
  'parent_id',
  'kind',
  'service',
  'thread',
  'variable',
  'doc',
];

/** The exact rows the store writes for these events (same column code), for a raw COPY. */
export function* eventRows(events: readonly StoredEvent[]): Generator<CopyValue[]> {
  const c = eventColumns(events);
  for (let i = 0; i < events.length; i++) {
    yield [
      c.id[i]!,
      c.traceId[i]!,
      c.seq[i]!,
      c.timeUs[i]!,
      c.timestamp[i]!,
      c.parentId[i] ?? null,
      c.kind[i]!,
      c.service[i]!,
      c.thread[i]!,
      c.variable[i] ?? null,
      c.doc[i]!,
    ];
  }
}

export const TRACE_COLUMNS = [
  'trace_id',
  'event_count',
  'first_time_us',
  'first_seq',
  'first_timestamp',
  'last_time_us',
  'last_seq',
  'last_timestamp',
  'services',
  'bytes',
  'activity_seq',
  'activity_ms',
];

/** Trace summary rows as the append statement would leave them, for events of whole traces. */
export function* traceRows(
  events: readonly StoredEvent[],
  activityMs: number,
): Generator<CopyValue[]> {
  const byTrace = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const list = byTrace.get(event.trace_id);
    if (list === undefined) byTrace.set(event.trace_id, [event]);
    else list.push(event);
  }
  for (const [traceId, list] of byTrace) {
    const ordered = [...list].sort((a, b) => a.time_us - b.time_us || a.seq - b.seq);
    const first = ordered[0]!;
    const last = ordered[ordered.length - 1]!;
    const services = [...new Set(list.map((e) => e.metadata.service_name))].sort();
    const bytes = list.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)), 0);
    const activitySeq = Math.max(...list.map((e) => e.seq));
    yield [
      traceId,
      list.length,
      first.time_us,
      first.seq,
      first.timestamp,
      last.time_us,
      last.seq,
      last.timestamp,
      services,
      bytes,
      activitySeq,
      activityMs,
    ];
  }
}
