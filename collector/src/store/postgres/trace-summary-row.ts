import type { TraceSummary } from '../store.js';

/** A `raceway_traces` row as selected by {@link TRACE_SUMMARY_COLUMNS}. */
export interface TraceSummaryRow {
  trace_id: string;
  event_count: string;
  first_timestamp: string;
  last_timestamp: string;
  services: string[];
}

export const TRACE_SUMMARY_COLUMNS =
  'trace_id, event_count, first_timestamp, last_timestamp, services';

export function toTraceSummary(row: TraceSummaryRow): TraceSummary {
  const services = [...row.services].sort();
  return {
    trace_id: row.trace_id,
    event_count: Number(row.event_count),
    first_timestamp: row.first_timestamp,
    last_timestamp: row.last_timestamp,
    service_count: services.length,
    services,
  };
}
