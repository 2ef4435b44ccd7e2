import type { TableNames } from './table-names.js';

/**
 * The next rows after a `(xact, id)` cursor, for replicas following each other. `seq` cannot order
 * them (each process numbers its own), and a sequence value would not either: a transaction that took
 * a lower number may commit after one that took a higher. Rows are ordered by their writing
 * transaction instead, and only those below the oldest still-running transaction (`xmin` of a fresh
 * snapshot) are read: every such transaction has finished and no new one can get a lower id, so
 * nothing can appear behind the cursor later. This writer's own rows come back without `doc` (cheap),
 * so the cursor moves past them. Parameters: origin, cursor xact, cursor id, limit.
 */
export function followStatement(t: TableNames): string {
  return `
    SELECT xact::text AS xact, id, CASE WHEN origin <> $1 THEN doc END AS doc
    FROM ${t.events}
    WHERE (xact, id) > ($2::bigint, $3::text)
      AND xact < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
    ORDER BY xact, id
    LIMIT $4`;
}
