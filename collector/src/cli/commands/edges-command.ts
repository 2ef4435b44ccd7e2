import type { Command } from 'commander';
import type { EdgesList } from '../../api/response-shapes.js';
import { formatTable, ms } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';

/** `raceway edges`: cross-service call edges with counts and latency. */
export function registerEdgesCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'edges', 'cross-service call edges');
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const list = await client.get<EdgesList>('/api/distributed/edges');
      if (json) return printJson(io, list);
      io.stdout(
        formatTable(
          [
            { header: 'FROM' },
            { header: 'TO' },
            { header: 'TYPE' },
            { header: 'CALLS', align: 'right' },
            { header: 'ERRORS', align: 'right' },
            { header: 'P50', align: 'right' },
            { header: 'P95', align: 'right' },
          ],
          list.edges.map((e) => [
            e.from_service,
            e.to_service,
            e.link_type,
            String(e.call_count),
            String(e.error_count),
            ms(e.p50_ms),
            ms(e.p95_ms),
          ]),
          'no cross-service edges',
        ),
      );
    }),
  );
}
