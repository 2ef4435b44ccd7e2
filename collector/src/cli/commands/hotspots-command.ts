import type { Command } from 'commander';
import type { Hotspots } from '../../engine/results.js';
import { formatTable } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';

/** `raceway hotspots`: most accessed variables and busiest service calls. */
export function registerHotspotsCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(
    program,
    'hotspots',
    'most accessed variables and service calls',
  );
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const hotspots = await client.get<Hotspots>('/api/distributed/hotspots');
      if (json) return printJson(io, hotspots);
      io.stdout('Variables\n');
      io.stdout(
        formatTable(
          [
            { header: 'VARIABLE' },
            { header: 'ACCESSES', align: 'right' },
            { header: 'TRACES', align: 'right' },
            { header: 'SERVICES' },
          ],
          hotspots.top_variables.map((v) => [
            v.variable,
            String(v.access_count),
            String(v.trace_count),
            v.services.join(','),
          ]),
        ),
      );
      io.stdout('\nService calls\n');
      io.stdout(
        formatTable(
          [{ header: 'FROM' }, { header: 'TO' }, { header: 'CALLS', align: 'right' }],
          hotspots.top_service_calls.map((c) => [
            c.from_service,
            c.to_service,
            String(c.call_count),
          ]),
        ),
      );
    }),
  );
}
