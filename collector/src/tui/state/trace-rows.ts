import type { TraceSummary } from '../../api/response-shapes.js';
import { clockTime, shortId } from '../model/format-time.js';

/** One row of the trace list: race mark, short id, event count, services, last activity. */
export function traceRow(trace: TraceSummary, hasRaces: boolean): string {
  const mark = hasRaces ? '!' : ' ';
  const services = trace.services.join(',') || '-';
  return `${mark} ${shortId(trace.trace_id)} ${String(trace.event_count).padStart(5)} ev  ${clockTime(trace.last_timestamp).slice(0, 8)}  ${services}`;
}

/** Merges a freshly loaded first page into the loaded list: fresh rows first, then older rows not in it. */
export function mergeTracePage(
  loaded: readonly TraceSummary[],
  fresh: readonly TraceSummary[],
): TraceSummary[] {
  const ids = new Set(fresh.map((t) => t.trace_id));
  return [...fresh, ...loaded.filter((t) => !ids.has(t.trace_id))];
}
