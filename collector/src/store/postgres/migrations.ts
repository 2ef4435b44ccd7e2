import { followTables } from './follow-statement.js';
import type { TableNames } from './table-names.js';

export interface Migration {
  version: number;
  name: string;
  /** DDL for the given table names; its checksum is taken over the text with names unqualified. */
  sql: (t: TableNames) => string;
}

/**
 * The schema, one versioned step at a time; applied once each, in order, never edited after release
 * (a changed step fails the checksum check at boot). Design notes, against the old schema (spec §5.3,
 * §10.2):
 * - ids are `text` (the wire accepts any string id), compared in the C collation so prefix filters and
 *   keyset pagination use plain b-tree order;
 * - `doc` keeps the event exactly as accepted (`json` keeps the SDK's text: key order, `\u0000`, which
 *   `jsonb` rejects); every filter and order uses the typed columns beside it;
 * - no foreign keys: a child may arrive before its parent, and nothing can fail half a batch;
 * - `raceway_traces` is maintained by the same statement that inserts events, so the trace list is an
 *   index scan rather than a GROUP BY over events.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events and trace summaries',
    sql: (t) => `
      CREATE TABLE ${t.events} (
        id        text COLLATE "C" PRIMARY KEY,
        trace_id  text COLLATE "C" NOT NULL,
        seq       bigint NOT NULL,
        time_us   double precision NOT NULL,
        timestamp text NOT NULL,
        parent_id text COLLATE "C",
        kind      text NOT NULL,
        service   text NOT NULL,
        thread    text NOT NULL,
        variable  text,
        doc       json NOT NULL
      );
      CREATE INDEX raceway_events_trace_time ON ${t.events} (trace_id, time_us, seq);
      CREATE INDEX raceway_events_seq ON ${t.events} (seq, id);

      CREATE TABLE ${t.traces} (
        trace_id        text COLLATE "C" PRIMARY KEY,
        event_count     bigint NOT NULL,
        -- first and last event in (time_us, seq) order, with their timestamps as sent
        first_time_us   double precision NOT NULL,
        first_seq       bigint NOT NULL,
        first_timestamp text NOT NULL,
        last_time_us    double precision NOT NULL,
        last_seq        bigint NOT NULL,
        last_timestamp  text NOT NULL,
        services        text[] NOT NULL,
        -- exact JSON size of the trace's events, for size-based retention
        bytes           bigint NOT NULL,
        -- last activity: highest seq appended (list order) and the collector clock then (age)
        activity_seq    bigint NOT NULL,
        activity_ms     double precision NOT NULL
      );
      CREATE INDEX raceway_traces_activity ON ${t.traces} (activity_seq DESC, trace_id);
      CREATE INDEX raceway_traces_services ON ${t.traces} USING gin (services);
    `,
  },
  {
    // Replicas sharing the database follow each other's appends (collector/src/cluster). `seq` is
    // per process, so the commit order comes from the writing transaction's id; rows stored before
    // this step get 0 (followed first). Both defaults are set without rewriting the table.
    version: 2,
    name: 'writer origin and transaction for replica following',
    sql: (t) => `
      ALTER TABLE ${t.events} ADD COLUMN origin text NOT NULL DEFAULT '';
      ALTER TABLE ${t.events} ADD COLUMN xact bigint NOT NULL DEFAULT 0;
      ALTER TABLE ${t.events} ALTER COLUMN xact SET DEFAULT (pg_current_xact_id()::text::bigint);
      CREATE INDEX raceway_events_follow ON ${t.events} (xact, id);
    `,
  },
  {
    // Replicas also follow deletions, or every engine but the deleting one would keep an evicted
    // trace forever. A statement trigger notes them in the deleting transaction, with the writer
    // `deleteTraces` names in the transaction-local `raceway.origin` setting.
    version: 3,
    name: 'trace deletions for replica following',
    sql: (t) => {
      const { deletions, noteDeletions } = followTables(t);
      return `
      CREATE TABLE ${deletions} (
        xact     bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
        trace_id text COLLATE "C" NOT NULL,
        origin   text NOT NULL
      );
      CREATE INDEX raceway_trace_deletions_follow ON ${deletions} (xact, trace_id);
      CREATE FUNCTION ${noteDeletions}() RETURNS trigger LANGUAGE plpgsql AS $note$
      BEGIN
        INSERT INTO ${deletions} (trace_id, origin)
        SELECT trace_id, coalesce(current_setting('raceway.origin', true), '') FROM gone;
        RETURN NULL;
      END
      $note$;
      CREATE TRIGGER raceway_traces_deleted AFTER DELETE ON ${t.traces}
        REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION ${noteDeletions}();
    `;
    },
  },
];
