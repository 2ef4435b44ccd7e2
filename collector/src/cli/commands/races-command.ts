import type { Command } from 'commander';
import type { GlobalRacesList } from '../../api/response-shapes.js';
import { formatTable } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';

/** `raceway races`: variables accessed by several traces, with confirmed cross-trace races. */
export function registerRacesCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'races', 'cross-trace race candidates per variable');
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const list = await client.get<GlobalRacesList>('/api/distributed/global-races');
      if (json) return printJson(io, list);
      io.stdout(
        formatTable(
          [
            { header: 'SEVERITY' },
            { header: 'VARIABLE' },
            { header: 'TRACES', align: 'right' },
            { header: 'ACCESSES', align: 'right' },
            { header: 'THREADS', align: 'right' },
            { header: 'ACCESS TYPES' },
            { header: 'CONFIRMED', align: 'right' },
          ],
          list.races.map((r) => [
            r.severity,
            r.variable,
            String(r.trace_count),
            String(r.access_count),
            String(r.thread_count),
            r.access_types.join(','),
            String(r.confirmed_races ?? '-'),
          ]),
          'no races',
        ),
      );
    }),
  );
}
