import type pg from 'pg';
import type { TableNames } from './table-names.js';

export interface DeletedTraces {
  traceIds: string[];
  events: number;
  /** The deleted events' exact JSON, when asked for (archival), in trace then time order. */
  docs: string[];
}

/**
 * Deletes traces and their events in one transaction. The summary rows go first: that locks them, so a
 * concurrent append to one of these traces waits and then starts a fresh summary holding only its own
 * events, instead of leaving events behind without a summary. `beforeDelete` runs inside the
 * transaction with the doomed events (archival), so they are archived exactly when they are deleted.
 */
export async function deleteTraces(
  client: pg.ClientBase,
  t: TableNames,
  traceIds: readonly string[],
  beforeDelete?: (docs: string[]) => Promise<void>,
  origin = '',
): Promise<DeletedTraces> {
  await client.query('BEGIN');
  try {
    // Names the deleting writer for the deletions trigger (replica following, migration 3).
    await client.query(`SELECT set_config('raceway.origin', $1, true)`, [origin]);
    const summaries = await client.query<{ trace_id: string }>(
      `DELETE FROM ${t.traces} WHERE trace_id = ANY($1::text[]) RETURNING trace_id`,
      [traceIds],
    );
    const deleted = summaries.rows.map((row) => row.trace_id);
    let docs: string[] = [];
    if (beforeDelete !== undefined && deleted.length > 0) {
      const events = await client.query<{ doc: string }>(
        `SELECT doc::text AS doc FROM ${t.events} WHERE trace_id = ANY($1::text[])
         ORDER BY trace_id, time_us, seq, id`,
        [deleted],
      );
      docs = events.rows.map((row) => row.doc);
      await beforeDelete(docs);
    }
    const events = await client.query(`DELETE FROM ${t.events} WHERE trace_id = ANY($1::text[])`, [
      deleted,
    ]);
    await client.query('COMMIT');
    return { traceIds: deleted, events: events.rowCount ?? 0, docs };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
