import type { TraceQuery } from '../store.js';
import { TRACE_SUMMARY_COLUMNS } from './trace-summary-row.js';
import type { TableNames } from './table-names.js';

export interface TraceListSql {
  page: { text: string; values: unknown[] };
  total: { text: string; values: unknown[] };
}

/** `LIKE` treats `%`, `_` and `\` specially; a prefix matches them literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The page and the total for a trace-list query, both on `raceway_traces` only: newest last activity
 * first (highest `seq` appended), then trace id, walking the `(activity_seq DESC, trace_id)` index.
 */
export function traceListQuery(t: TableNames, query: TraceQuery): TraceListSql {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (condition: (param: string) => string, value: unknown): void => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (query.minEvents !== undefined && query.minEvents > 1) {
    add((p) => `event_count >= ${p}`, query.minEvents);
  }
  if (query.service !== undefined) add((p) => `services @> ARRAY[${p}::text]`, query.service);
  if (query.idPrefix !== undefined && query.idPrefix !== '') {
    add((p) => `trace_id LIKE ${p}`, likePrefix(query.idPrefix.toLowerCase()));
  }
  if (query.traceIds !== undefined) add((p) => `trace_id = ANY(${p}::text[])`, [...query.traceIds]);
  const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const pageSize = Math.max(0, Math.floor(query.pageSize));
  const offset = Math.max(0, Math.floor(query.page) - 1) * pageSize;
  return {
    page: {
      text: `SELECT ${TRACE_SUMMARY_COLUMNS} FROM ${t.traces} ${filter}
             ORDER BY activity_seq DESC, trace_id ASC LIMIT ${pageSize} OFFSET ${offset}`,
      values,
    },
    total: { text: `SELECT count(*) AS total FROM ${t.traces} ${filter}`, values },
  };
}
