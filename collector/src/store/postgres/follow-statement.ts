import type { TableNames } from './table-names.js';

/**
 * The next rows after a `(xact, id)` cursor, for replicas following each other. `seq` cannot order
 * them (each process numbers its own), and a sequence value would not either: a transaction that took
 * a lower number may commit after one that took a higher. Rows are ordered by their writing
 * transaction instead, and only those below the oldest still-running transaction (`xmin` of a fresh
 * snapshot) are read: every such transaction has finished and no new one can get a lower id, so
 * nothing can appear behind the cursor later. This writer's own rows come back without `doc` (cheap),
 * so the cursor moves past them. Rows are ordered by the bigint column (the text copy is only for the
 * cursor: ordered as text, `10` would sort before `9`). The horizon is read once per query (an
 * init plan), and `(xact, id)` is one index range scan. Parameters: origin, cursor xact, cursor id,
 * limit.
 */
export function followStatement(t: TableNames): string {
  return `
    SELECT e.xact::text AS cursor_xact, e.id, CASE WHEN e.origin <> $1 THEN e.doc END AS doc
    FROM ${t.events} e
    WHERE (e.xact, e.id) > ($2::bigint, $3::text)
      AND e.xact < (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
    ORDER BY e.xact, e.id
    LIMIT $4`;
}
