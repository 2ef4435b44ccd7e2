import type { Command } from 'commander';
import { ApiError } from './api-error.js';
import type { ServiceDependencyReport, ServiceHealth } from '../../engine/results.js';
import type { ServicesList, ServiceTraces } from '../../api/response-shapes.js';
import { positiveInt } from './connection-options.js';
import { formatFields, formatTable, ms } from './format-table.js';
import { defineQueryCommand, printJson, runQuery, usageExit } from './query-command.js';
import type { QueryIo } from './query-io.js';
import { formatTraceRows } from './traces-command.js';
import { countNoun } from '../../tui/model/count-noun.js';

/** `raceway service overview|traces|dependencies NAME` (spec §4.15). */
export function registerServiceCommand(program: Command, io: QueryIo): void {
  const service = program
    .command('service')
    .description('one service: overview, traces, dependencies')
    .exitOverride(usageExit);

  const overview = defineQueryCommand(service, 'overview <name>', 'counts, health and neighbours');
  overview.action((name: string) =>
    runQuery(io, overview, async ({ client, json }) => {
      const [list, health, deps] = await Promise.all([
        client.get<ServicesList>('/api/services'),
        client.get<ServiceHealth[]>('/api/services/health', { time_window_minutes: 1440 }),
        client.get<ServiceDependencyReport>(servicePath(name, 'dependencies')),
      ]);
      const summary = list.services.find((s) => s.name === name);
      if (!summary) throw new ApiError('not-found', `no service named "${name}"`, 404);
      const status = health.find((h) => h.name === name);
      const result = { ...summary, health: status ?? null, dependencies: deps };
      if (json) return printJson(io, result);
      io.stdout(
        formatFields([
          ['Service', summary.name],
          ['Events', String(summary.event_count)],
          ['Traces', String(summary.trace_count)],
          ['Last activity', summary.last_activity],
          [
            'Health',
            status ? `${status.status} (${status.minutes_since_last_activity} min idle)` : '-',
          ],
          ['Calls to', deps.calls_to.map((c) => c.to).join(', ') || '-'],
          ['Called by', deps.called_by.map((c) => c.from).join(', ') || '-'],
        ]),
      );
    }),
  );

  const traces = defineQueryCommand(service, 'traces <name>', "the service's traces")
    .option('--page <n>', 'page number', positiveInt, 1)
    .option('--page-size <n>', 'traces per page', positiveInt, 100);
  traces.action((name: string) =>
    runQuery(io, traces, async ({ client, json }) => {
      const flags = traces.opts<{ page: number; pageSize: number }>();
      const list = await client.get<ServiceTraces>(servicePath(name, 'traces'), {
        page: flags.page,
        page_size: flags.pageSize,
      });
      if (json) return printJson(io, list);
      io.stdout(formatTraceRows(list.traces));
      io.stdout(
        `page ${list.page} of ${Math.max(1, list.total_pages)} · ${countNoun(list.total_traces, 'trace')} of ${list.service_name}\n`,
      );
    }),
  );

  const dependencies = defineQueryCommand(
    service,
    'dependencies <name>',
    'who it calls and who calls it',
  );
  dependencies.action((name: string) =>
    runQuery(io, dependencies, async ({ client, json }) => {
      const deps = await client.get<ServiceDependencyReport>(servicePath(name, 'dependencies'));
      if (json) return printJson(io, deps);
      const columns = [
        { header: 'SERVICE' },
        { header: 'CALLS', align: 'right' as const },
        { header: 'TRACES', align: 'right' as const },
        { header: 'ERRORS', align: 'right' as const },
        { header: 'P95', align: 'right' as const },
      ];
      io.stdout(`Calls to\n`);
      io.stdout(
        formatTable(
          columns,
          deps.calls_to.map((c) => [
            c.to,
            String(c.total_calls),
            String(c.trace_count),
            String(c.error_count),
            ms(c.p95_ms),
          ]),
        ),
      );
      io.stdout(`\nCalled by\n`);
      io.stdout(
        formatTable(
          columns,
          deps.called_by.map((c) => [
            c.from,
            String(c.total_calls),
            String(c.trace_count),
            String(c.error_count),
            ms(c.p95_ms),
          ]),
        ),
      );
    }),
  );
}

function servicePath(name: string, route: 'traces' | 'dependencies'): string {
  return `/api/services/${encodeURIComponent(name)}/${route}`;
}
