import type { Command } from 'commander';
import { describeEventKind } from '../../tui/model/describe-event.js';
import type { FullTraceAnalysis } from '../../api/response-shapes.js';
import { positiveInt } from './connection-options.js';
import { traceIdArg } from './trace-id-arg.js';
import { formatFields, formatTable, ms } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';

/** `raceway trace -i ID [--events N]`: one trace's analysis; `--json` prints the full API body. */
export function registerTraceCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(
    program,
    'trace',
    'show one trace: races, critical path, events',
  )
    .requiredOption('-i, --id <trace-id>', 'trace id')
    .option('--events <n>', 'how many events to list', positiveInt, 20);
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const flags = command.opts<{ id: string; events: number }>();
      const trace = await fetchTrace(client, flags.id);
      if (json) return printJson(io, trace);
      io.stdout(formatTrace(trace, flags.events));
    }),
  );
}

/** `GET /api/traces/:id` for an id checked by traceIdArg (a usage error names a malformed one). */
export function fetchTrace(
  client: { get<T>(path: string): Promise<T> },
  id: string,
): Promise<FullTraceAnalysis> {
  return client.get<FullTraceAnalysis>(`/api/traces/${encodeURIComponent(traceIdArg(id))}`);
}

/** Readable summary of a trace: header, races (both sides), critical path, anomalies, events. */
export function formatTrace(trace: FullTraceAnalysis, eventLimit: number): string {
  const services = [...new Set(trace.events.map((e) => e.metadata.service_name))].sort();
  const cp = trace.critical_path;
  let out = formatFields([
    ['Trace', trace.trace_id],
    ['Events', String(trace.events.length)],
    ['Services', services.join(', ') || '-'],
    ['Races', String(trace.analysis.potential_races)],
    [
      'Critical path',
      cp
        ? `${cp.path_events} events, ${ms(cp.total_duration_ms)} (${cp.percentage_of_total}%)`
        : '-',
    ],
    ['Anomalies', String(trace.anomalies.length)],
  ]);
  if (trace.analysis.race_details.length > 0) {
    out += '\nRaces\n';
    out += formatTable(
      [
        { header: 'SEVERITY' },
        { header: 'VARIABLE' },
        { header: 'FIRST ACCESS' },
        { header: 'SECOND ACCESS' },
        { header: 'PAIRS', align: 'right' },
      ],
      trace.analysis.race_details.map((r) => [
        r.severity,
        r.variable,
        `${r.first.access_type} ${r.first.location} [${r.first.thread_id}]`,
        `${r.second.access_type} ${r.second.location} [${r.second.thread_id}]`,
        String(r.group_count),
      ]),
    );
  }
  const shown = trace.events.slice(0, eventLimit);
  out += `\nEvents (${shown.length} of ${trace.events.length})\n`;
  out += formatTable(
    [{ header: 'TIME' }, { header: 'SERVICE' }, { header: 'THREAD' }, { header: 'EVENT' }],
    shown.map((e) => [
      e.timestamp,
      e.metadata.service_name,
      e.metadata.thread_id,
      describeEventKind(e.kind),
    ]),
    'no events',
  );
  return out;
}
