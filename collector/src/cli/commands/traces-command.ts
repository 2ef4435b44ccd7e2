import type { Command } from 'commander';
import type { TraceSummary, TracesList } from '../../api/response-shapes.js';
import { positiveInt } from './connection-options.js';
import { formatTable } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';
import { countNoun } from '../../tui/model/count-noun.js';

interface TracesFlags {
  page: number;
  pageSize: number;
  service?: string;
  variable?: string;
  hasRaces?: boolean;
  minEvents?: number;
  idPrefix?: string;
}

/** `raceway traces [--page 1] [--page-size 20]`: the trace list, newest activity first (spec §4.15). */
export function registerTracesCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'traces', 'list traces, newest activity first')
    .option('--page <n>', 'page number', positiveInt, 1)
    .option('--page-size <n>', 'traces per page', positiveInt, 20)
    .option('--service <name>', 'only traces with events of this service')
    .option('--variable <name>', 'only traces that touch this variable')
    .option('--has-races', 'only traces with at least one race')
    .option('--min-events <n>', 'only traces with at least this many events', positiveInt)
    .option('--id-prefix <hex>', 'only traces whose id starts with this');
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const flags = command.opts<TracesFlags>();
      const list = await client.get<TracesList>('/api/traces', {
        page: flags.page,
        page_size: flags.pageSize,
        service: flags.service,
        variable: flags.variable,
        has_races: flags.hasRaces ? 'true' : undefined,
        min_events: flags.minEvents,
        q: flags.idPrefix,
      });
      if (json) return printJson(io, list);
      io.stdout(formatTraceRows(list.traces));
      io.stdout(
        `page ${list.page} of ${Math.max(1, list.total_pages)} · ${countNoun(list.total_traces, 'trace')}\n`,
      );
    }),
  );
}

/** The trace table shared by `traces` and `service traces`. */
export function formatTraceRows(traces: readonly TraceSummary[]): string {
  return formatTable(
    [
      { header: 'TRACE ID' },
      { header: 'EVENTS', align: 'right' },
      { header: 'SERVICES' },
      { header: 'FIRST EVENT' },
      { header: 'LAST EVENT' },
    ],
    traces.map((t) => [
      t.trace_id,
      String(t.event_count),
      t.services.join(',') || '-',
      t.first_timestamp,
      t.last_timestamp,
    ]),
    'no traces',
  );
}
