import type { RetentionPolicy } from '../store.js';
import type { TableNames } from './table-names.js';

/**
 * Up to `limit` traces over the policy, oldest activity first (the reverse of the trace list). Each
 * limit is its own cheap query, so the common case (nothing to evict, checked every few seconds) stays
 * an index probe: age walks the activity index from the oldest end; count skips the newest `maxTraces`
 * on the same index; only a size limit needs a running total over all summaries. Keeping the newest
 * traces whose running total fits is the same as evicting the oldest one at a time until within bounds.
 */
export function retentionCandidates(
  t: TableNames,
  policy: RetentionPolicy,
  nowMs: number,
  limit: number,
): { text: string; values: unknown[] } | undefined {
  const parts: string[] = [];
  const values: unknown[] = [limit];
  if (policy.maxAgeMs !== undefined) {
    values.push(nowMs - policy.maxAgeMs);
    parts.push(`(SELECT trace_id, activity_seq FROM ${t.traces} WHERE activity_ms < $${values.length}
                 ORDER BY activity_seq ASC, trace_id DESC LIMIT $1)`);
  }
  if (policy.maxTraces !== undefined) {
    values.push(policy.maxTraces);
    parts.push(`(SELECT trace_id, activity_seq FROM ${t.traces}
                 ORDER BY activity_seq DESC, trace_id ASC OFFSET $${values.length})`);
  }
  if (policy.maxBytes !== undefined) {
    values.push(policy.maxBytes);
    parts.push(`(SELECT trace_id, activity_seq FROM (
                   SELECT trace_id, activity_seq,
                          sum(bytes) OVER (ORDER BY activity_seq DESC, trace_id ASC) AS running_bytes
                   FROM ${t.traces}) ranked
                 WHERE running_bytes > $${values.length})`);
  }
  if (parts.length === 0) return undefined;
  return {
    text: `SELECT trace_id FROM (${parts.join(' UNION ')}) over_limit
           ORDER BY activity_seq ASC, trace_id DESC LIMIT $1`,
    values,
  };
}
