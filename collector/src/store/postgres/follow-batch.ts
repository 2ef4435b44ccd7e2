import type { StoredEvent } from '../../model/stored-event.js';
import type { FollowBatch, FollowCursor } from '../store.js';

interface FollowRow {
  cursor_xact: string;
  id: string;
  /** Another writer's event (null: this writer's own, or a deletion row). */
  doc: StoredEvent | null;
  /** A trace another writer deleted (null: this writer's own deletion, or an event row). */
  deleted: string | null;
}

/**
 * Rows of the follow statement as a batch of one kind: events, or deletions, never both, so the
 * follower applies them in commit order (an event stored after its trace was deleted must survive
 * the deletion). The batch stops before the first row of the other kind; the next call starts there.
 */
export function followBatch(
  rows: readonly FollowRow[],
  cursor: FollowCursor | undefined,
  limit: number,
): FollowBatch {
  const events: StoredEvent[] = [];
  const deletedTraceIds: string[] = [];
  let kind: 'events' | 'deletions' | undefined;
  let taken = 0;
  for (const row of rows) {
    const rowKind = row.doc !== null ? 'events' : row.deleted !== null ? 'deletions' : undefined;
    if (rowKind !== undefined && kind !== undefined && rowKind !== kind) break;
    kind ??= rowKind;
    if (row.doc !== null) events.push(row.doc);
    if (row.deleted !== null) deletedTraceIds.push(row.deleted);
    cursor = { xact: row.cursor_xact, id: row.id };
    taken++;
  }
  return {
    events,
    deletedTraceIds,
    cursor,
    caughtUp: taken === rows.length && rows.length < limit,
  };
}
