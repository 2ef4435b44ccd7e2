import type { Command } from 'commander';
import type { ServiceHealth } from '../../engine/results.js';
import { positiveInt } from './connection-options.js';
import { formatTable } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';

/** `raceway health [--window 60]`: service health over the last N minutes. */
export function registerHealthCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'health', 'service health').option(
    '--window <minutes>',
    'time window in minutes',
    positiveInt,
    60,
  );
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const { window } = command.opts<{ window: number }>();
      const health = await client.get<ServiceHealth[]>('/api/services/health', {
        time_window_minutes: window,
      });
      if (json) return printJson(io, health);
      io.stdout(
        formatTable(
          [
            { header: 'SERVICE' },
            { header: 'STATUS' },
            { header: 'TRACES', align: 'right' },
            { header: 'EVENTS/TRACE', align: 'right' },
            { header: 'IDLE MIN', align: 'right' },
            { header: 'LAST ACTIVITY' },
          ],
          health.map((h) => [
            h.name,
            h.status,
            String(h.trace_count),
            String(Math.round(h.avg_events_per_trace * 10) / 10),
            String(Math.round(h.minutes_since_last_activity)),
            h.last_activity,
          ]),
          `no service active in the last ${window} minutes`,
        ),
      );
    }),
  );
}
