import type { RetentionPolicy } from '../store.js';
import type { TableNames } from './table-names.js';

/**
 * Up to `limit` traces over the policy, oldest last activity first (the reverse of the trace list).
 * Count and size limits keep the newest traces whose running total still fits, which is the same as
 * evicting the oldest one at a time until the store is within bounds.
 */
export function retentionCandidates(
  t: TableNames,
  policy: RetentionPolicy,
  nowMs: number,
  limit: number,
): { text: string; values: unknown[] } | undefined {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (policy.maxAgeMs !== undefined) {
    values.push(nowMs - policy.maxAgeMs);
    conditions.push(`activity_ms < $${values.length}`);
  }
  if (policy.maxTraces !== undefined) {
    values.push(policy.maxTraces);
    conditions.push(`rank > $${values.length}`);
  }
  if (policy.maxBytes !== undefined) {
    values.push(policy.maxBytes);
    conditions.push(`running_bytes > $${values.length}`);
  }
  if (conditions.length === 0) return undefined;
  values.push(limit);
  return {
    text: `
      SELECT trace_id FROM (
        SELECT trace_id, activity_seq, activity_ms,
               row_number() OVER newest_first AS rank,
               sum(bytes) OVER newest_first AS running_bytes
        FROM ${t.traces}
        WINDOW newest_first AS (ORDER BY activity_seq DESC, trace_id ASC)
      ) ranked
      WHERE ${conditions.join(' OR ')}
      ORDER BY activity_seq ASC, trace_id DESC
      LIMIT $${values.length}`,
    values,
  };
}
