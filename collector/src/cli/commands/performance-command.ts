import type { Command } from 'commander';
import type { PerformanceMetrics } from '../../engine/results.js';
import { positiveInt } from './connection-options.js';
import { formatFields, formatTable, ms, perSecond, span } from './format-table.js';
import { defineQueryCommand, printJson, runQuery } from './query-command.js';
import type { QueryIo } from './query-io.js';

/** `raceway performance [--limit 50]`: latency percentiles, slow traces and operations. */
export function registerPerformanceCommand(program: Command, io: QueryIo): void {
  const command = defineQueryCommand(program, 'performance', 'latency and throughput').option(
    '--limit <n>',
    'how many recent traces to consider',
    positiveInt,
    50,
  );
  command.action(() =>
    runQuery(io, command, async ({ client, json }) => {
      const { limit } = command.opts<{ limit: number }>();
      const perf = await client.get<PerformanceMetrics>('/api/performance/metrics', { limit });
      if (json) return printJson(io, perf);
      const t = perf.trace_latency;
      io.stdout(
        formatFields([
          [
            'Trace latency',
            `avg ${ms(t.avg_ms)} · p50 ${ms(t.p50_ms)} · p95 ${ms(t.p95_ms)} · p99 ${ms(t.p99_ms)}`,
          ],
          [
            'Throughput',
            `${perSecond(perf.throughput.events_per_second)} events/s · ${perSecond(perf.throughput.traces_per_second)} traces/s over ${span(perf.throughput.time_range_seconds)}`,
          ],
        ]),
      );
      io.stdout('\nSlowest traces\n');
      io.stdout(
        formatTable(
          [{ header: 'TRACE ID' }, { header: 'DURATION', align: 'right' }, { header: 'SERVICES' }],
          t.slowest_traces.map((s) => [s.trace_id, ms(s.duration_ms), s.services.join(',')]),
        ),
      );
      io.stdout('\nEvent types\n');
      io.stdout(
        formatTable(
          [
            { header: 'TYPE' },
            { header: 'COUNT', align: 'right' },
            { header: 'AVG', align: 'right' },
          ],
          perf.event_performance.by_type.map((b) => [
            b.type,
            String(b.count),
            ms(b.avg_duration_ms),
          ]),
        ),
      );
      io.stdout('\nServices\n');
      io.stdout(
        formatTable(
          [
            { header: 'SERVICE' },
            { header: 'EVENTS', align: 'right' },
            { header: 'AVG', align: 'right' },
          ],
          perf.service_latency.map((s) => [
            s.service,
            String(s.event_count),
            ms(s.avg_duration_ms),
          ]),
        ),
      );
    }),
  );
}
