import { kindName } from '../../model/event.js';
import type { StoredEvent } from '../../model/stored-event.js';

/** Column-wise arrays for one `unnest` insert: one array per column, one element per event. */
export interface EventColumns {
  id: string[];
  traceId: string[];
  seq: number[];
  timeUs: number[];
  timestamp: string[];
  parentId: (string | null)[];
  kind: string[];
  service: string[];
  thread: string[];
  variable: (string | null)[];
  doc: string[];
}

/**
 * Text columns cannot hold NUL (Postgres rejects it, failing the whole batch); the typed columns are
 * only for filtering, and `doc` keeps the exact value, so NULs are dropped there.
 */
function column(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** Splits events into the typed columns plus the exact JSON document. */
export function eventColumns(events: readonly StoredEvent[]): EventColumns {
  const columns: EventColumns = {
    id: [],
    traceId: [],
    seq: [],
    timeUs: [],
    timestamp: [],
    parentId: [],
    kind: [],
    service: [],
    thread: [],
    variable: [],
    doc: [],
  };
  for (const event of events) {
    columns.id.push(column(event.id));
    columns.traceId.push(column(event.trace_id));
    columns.seq.push(event.seq);
    columns.timeUs.push(event.time_us);
    columns.timestamp.push(column(event.timestamp));
    columns.parentId.push(event.parent_id == null ? null : column(event.parent_id));
    columns.kind.push(kindName(event.kind));
    columns.service.push(column(event.metadata.service_name));
    columns.thread.push(column(event.metadata.thread_id));
    columns.variable.push(
      'StateChange' in event.kind ? column(event.kind.StateChange.variable) : null,
    );
    columns.doc.push(JSON.stringify(event));
  }
  return columns;
}
