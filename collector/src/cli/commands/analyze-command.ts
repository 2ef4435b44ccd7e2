import type { Command } from 'commander';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';
import { fetchTrace, formatTrace } from './trace-command.js';

/** `raceway analyze -t ID`: the full analysis of a trace as JSON (spec §4.15: `trace --json`). */
export function registerAnalyzeCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'analyze', "a trace's full analysis (JSON)")
    .requiredOption('-t, --trace <trace-id>', 'trace id')
    .option('--table', 'print the readable summary instead of JSON');
  command.action(() =>
    runQuery(io, command, async ({ client }) => {
      const flags = command.opts<{ trace: string; table?: boolean }>();
      const trace = await fetchTrace(client, flags.trace);
      if (flags.table) io.stdout(formatTrace(trace, Number.POSITIVE_INFINITY));
      else printJson(io, trace);
    }),
  );
}
