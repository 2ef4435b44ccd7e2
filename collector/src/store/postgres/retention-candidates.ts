import type pg from 'pg';
import type { RetentionPolicy } from '../store.js';
import type { TableNames } from './table-names.js';

/**
 * Up to `limit` traces to evict now, oldest activity first: walking from the least recently active trace,
 * each goes while the store is over a limit (count, size) or the trace is too old, and the walk stops at
 * the first that breaks none — the memory store's rule. The common case, checked every few seconds with
 * nothing to do, costs one scan of the summaries for the totals (none for an age-only policy) and one
 * index probe from the oldest end; there is no running total over every trace.
 */
export async function retentionCandidates(
  pool: pg.Pool,
  t: TableNames,
  policy: RetentionPolicy,
  nowMs: number,
  limit: number,
): Promise<string[]> {
  const { maxTraces, maxBytes, maxAgeMs } = policy;
  let traces = 0;
  let bytes = 0;
  if (maxTraces !== undefined || maxBytes !== undefined) {
    const totals = await pool.query<{ traces: string; bytes: string }>(
      `SELECT count(*) AS traces, coalesce(sum(bytes), 0) AS bytes FROM ${t.traces}`,
    );
    traces = Number(totals.rows[0]?.traces ?? 0);
    bytes = Number(totals.rows[0]?.bytes ?? 0);
  }
  const overCount = (): boolean => maxTraces !== undefined && traces > maxTraces;
  const overSize = (): boolean => maxBytes !== undefined && bytes > maxBytes;
  if (maxAgeMs === undefined && !overCount() && !overSize()) return [];

  const oldest = await pool.query<{ trace_id: string; bytes: string; activity_ms: number }>(
    `SELECT trace_id, bytes, activity_ms FROM ${t.traces}
     ORDER BY activity_seq ASC, trace_id DESC LIMIT $1`,
    [limit],
  );
  const cutoff = maxAgeMs === undefined ? -Infinity : nowMs - maxAgeMs;
  const evict: string[] = [];
  for (const row of oldest.rows) {
    if (!overCount() && !overSize() && !(row.activity_ms < cutoff)) break;
    evict.push(row.trace_id);
    traces -= 1;
    bytes -= Number(row.bytes);
  }
  return evict;
}
