import type { TableNames } from './table-names.js';

/** Where trace deletions are noted for the other replicas (migration 3), schema-qualified like `t`. */
export function followTables(t: TableNames): { deletions: string; noteDeletions: string } {
  const prefix = t.schema === undefined ? '' : `${t.schema}.`;
  return {
    deletions: `${prefix}raceway_trace_deletions`,
    noteDeletions: `${prefix}raceway_note_trace_deletions`,
  };
}

/**
 * The next rows after a `(xact, id)` cursor, for replicas following each other: stored events, and
 * trace deletions (retention, `DELETE /api/traces/:id`) so that every replica's engine forgets what
 * one replica deleted. `seq` cannot order them (each process numbers its own), and a sequence value
 * would not either: a transaction that took a lower number may commit after one that took a higher.
 * Rows are ordered by their writing transaction instead, and only those below the oldest still-running
 * transaction (`xmin` of a fresh snapshot) are read: every such transaction has finished and no new one
 * can get a lower id, so nothing can appear behind the cursor later. One transaction either appends or
 * deletes, so one cursor over both tables is unambiguous. This writer's own rows come back without
 * `doc` / trace id, so the cursor moves past them. Rows are ordered by the bigint column (the text
 * copy is only for the cursor: ordered as text, `10` would sort before `9`); each side is one index
 * range scan. Parameters: origin, cursor xact, cursor id, limit.
 */
export function followStatement(t: TableNames): string {
  const { deletions } = followTables(t);
  return `
    WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin)
    SELECT xact::text AS cursor_xact, id, doc, deleted FROM (
      (SELECT e.xact, e.id, CASE WHEN e.origin <> $1 THEN e.doc END AS doc, NULL::text AS deleted
       FROM ${t.events} e
       WHERE (e.xact, e.id) > ($2::bigint, $3::text) AND e.xact < (SELECT xmin FROM horizon)
       ORDER BY e.xact, e.id
       LIMIT $4)
      UNION ALL
      (SELECT d.xact, d.trace_id, NULL, CASE WHEN d.origin <> $1 THEN d.trace_id END
       FROM ${deletions} d
       WHERE (d.xact, d.trace_id) > ($2::bigint, $3::text) AND d.xact < (SELECT xmin FROM horizon)
       ORDER BY d.xact, d.trace_id
       LIMIT $4)
    ) AS next
    ORDER BY next.xact, next.id
    LIMIT $4`;
}
