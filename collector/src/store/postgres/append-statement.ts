import type { EventColumns } from './event-columns.js';
import type { TableNames } from './table-names.js';

/**
 * One statement (so one implicit transaction and one round trip) that inserts the new events and folds
 * them into their trace summaries; returns the ids that were new. Two choices keep it fast at 5000-event
 * batches:
 * - the documents travel as one JSON array (`[doc,doc,…]`, a plain join) rather than a `json[]`, whose
 *   driver-side encoding escapes every character of every document;
 * - documents flow straight from the parameters into the table: the summary reads what `RETURNING`
 *   gives back (sizes and timestamps, not the documents), so no CTE materialises them and nothing
 *   spills past `work_mem`.
 * Summaries are upserted in trace order so concurrent batches lock them in the same order.
 */
export function appendStatement(t: TableNames): string {
  return `
    WITH inserted AS (
      INSERT INTO ${t.events}
        (id, trace_id, seq, time_us, timestamp, parent_id, kind, service, thread, variable, doc,
         origin)
      SELECT *, $13::text FROM ROWS FROM (
        unnest($1::text[]), unnest($2::text[]), unnest($3::bigint[]), unnest($4::float8[]),
        unnest($5::text[]), unnest($6::text[]), unnest($7::text[]), unnest($8::text[]),
        unnest($9::text[]), unnest($10::text[]), json_array_elements($11::json)
      )
      ON CONFLICT (id) DO NOTHING
      RETURNING id, trace_id, seq, time_us, service, octet_length(doc::text) AS bytes,
                timestamp AS ts
    ), per_trace AS (
      SELECT u.trace_id, count(*) AS event_count,
             min(u.time_us) AS first_time_us,
             (array_agg(u.seq ORDER BY u.time_us, u.seq))[1] AS first_seq,
             (array_agg(u.ts ORDER BY u.time_us, u.seq))[1] AS first_timestamp,
             max(u.time_us) AS last_time_us,
             (array_agg(u.seq ORDER BY u.time_us DESC, u.seq DESC))[1] AS last_seq,
             (array_agg(u.ts ORDER BY u.time_us DESC, u.seq DESC))[1] AS last_timestamp,
             array_agg(DISTINCT u.service) AS services,
             sum(u.bytes) AS bytes, max(u.seq) AS activity_seq
      FROM inserted u
      GROUP BY u.trace_id
    ), summaries AS (
      INSERT INTO ${t.traces} AS s
        (trace_id, event_count, first_time_us, first_seq, first_timestamp, last_time_us, last_seq,
         last_timestamp, services, bytes, activity_seq, activity_ms)
      SELECT trace_id, event_count, first_time_us, first_seq, first_timestamp, last_time_us, last_seq,
             last_timestamp, services, bytes, activity_seq, $12::float8
      FROM per_trace ORDER BY trace_id
      ON CONFLICT (trace_id) DO UPDATE SET
        event_count = s.event_count + excluded.event_count,
        (first_time_us, first_seq, first_timestamp) = (
          SELECT * FROM (VALUES (s.first_time_us, s.first_seq, s.first_timestamp),
            (excluded.first_time_us, excluded.first_seq, excluded.first_timestamp)) AS v(a, b, c)
          ORDER BY a, b LIMIT 1),
        (last_time_us, last_seq, last_timestamp) = (
          SELECT * FROM (VALUES (s.last_time_us, s.last_seq, s.last_timestamp),
            (excluded.last_time_us, excluded.last_seq, excluded.last_timestamp)) AS v(a, b, c)
          ORDER BY a DESC, b DESC LIMIT 1),
        services = CASE WHEN excluded.services <@ s.services THEN s.services
                        ELSE ARRAY(SELECT DISTINCT x FROM unnest(s.services || excluded.services) AS x)
                   END,
        bytes = s.bytes + excluded.bytes,
        activity_seq = greatest(s.activity_seq, excluded.activity_seq),
        activity_ms = excluded.activity_ms
    )
    SELECT id FROM inserted`;
}

/** `origin` names the writing store instance (followed by the other replicas). */
export function appendParameters(c: EventColumns, activityMs: number, origin = ''): unknown[] {
  return [
    c.id,
    c.traceId,
    c.seq,
    c.timeUs,
    c.timestamp,
    c.parentId,
    c.kind,
    c.service,
    c.thread,
    c.variable,
    `[${c.doc.join(',')}]`,
    activityMs,
    origin,
  ];
}
