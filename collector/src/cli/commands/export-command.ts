import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ApiError } from './api-error.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import { traceIdArg } from './trace-id-arg.js';
import type { QueryIo } from './query-io.js';

/** `raceway export -t ID -o FILE`: writes the raw `/api/traces/:id` body (`-o -` for stdout). */
export function registerExportCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'export', 'save a trace as JSON')
    .requiredOption('-t, --trace <trace-id>', 'trace id')
    .requiredOption('-o, --output <file>', 'file to write ("-" for stdout)');
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const flags = command.opts<{ trace: string; output: string }>();
      const body = await client.getRaw(
        `/api/traces/${encodeURIComponent(traceIdArg(flags.trace))}`,
      );
      const text = `${JSON.stringify(body, null, 2)}\n`;
      if (flags.output === '-') {
        io.stdout(text);
        return;
      }
      try {
        await writeFile(flags.output, text);
      } catch (err) {
        throw new ApiError('server', `cannot write ${flags.output}: ${String(err)}`);
      }
      const bytes = Buffer.byteLength(text);
      if (json) printJson(io, { trace_id: flags.trace, file: flags.output, bytes });
      else io.stdout(`wrote trace ${flags.trace} to ${flags.output} (${bytes} bytes)\n`);
    }),
  );
}
