import type { Command } from 'commander';
import type { ServicesList } from '../../api/response-shapes.js';
import { formatTable } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';

/** `raceway services`: every service with event and trace counts. */
export function registerServicesCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'services', 'list services');
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const list = await client.get<ServicesList>('/api/services');
      if (json) return printJson(io, list);
      io.stdout(
        formatTable(
          [
            { header: 'SERVICE' },
            { header: 'EVENTS', align: 'right' },
            { header: 'TRACES', align: 'right' },
            { header: 'LAST ACTIVITY' },
          ],
          list.services.map((s) => [
            s.name,
            String(s.event_count),
            String(s.trace_count),
            s.last_activity,
          ]),
          'no services',
        ),
      );
    }),
  );
}
