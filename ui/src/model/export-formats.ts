import type { ApiEvent, Anomaly, CriticalPathResponse, FullTraceAnalysis } from '../api/types';
import { eventLocation, kindName } from './event-kind';

/** JSON export of a trace (spec §6.4), with the races added. */
export function traceJson(trace: FullTraceAnalysis, exportedAt: string): string {
  return JSON.stringify(
    {
      trace_id: trace.trace_id,
      exported_at: exportedAt,
      summary: {
        total_events: trace.events.length,
        race_conditions: trace.analysis.potential_races,
        anomalies: trace.anomalies.length,
        critical_path_percentage: trace.critical_path?.percentage_of_total ?? 0,
        duration_ms: trace.critical_path?.trace_total_duration_ms ?? 0,
      },
      events: trace.events,
      races: trace.analysis.race_details,
      critical_path: trace.critical_path,
      anomalies: trace.anomalies,
      dependencies: trace.dependencies,
    },
    null,
    2,
  );
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. Formula prefixes are neutralised. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Events as CSV; the Location column is filled from the event kind (the old export left it empty). */
export function eventsCsv(events: readonly ApiEvent[]): string {
  const header = [
    'ID',
    'Timestamp',
    'Kind',
    'Thread ID',
    'Service Name',
    'Environment',
    'Location',
  ];
  const rows = events.map((e) =>
    [
      e.id,
      e.timestamp,
      kindName(e.kind),
      e.metadata.thread_id,
      e.metadata.service_name,
      e.metadata.environment,
      eventLocation(e),
    ]
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}

/** Markdown table cell: pipes and line breaks escaped. */
function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function criticalPathMarkdown(path: CriticalPathResponse): string {
  const lines = [
    `# Critical path of trace ${path.trace_id}`,
    '',
    `- Path events: ${path.path_events}`,
    `- Path duration: ${path.total_duration_ms.toFixed(2)} ms of ${path.trace_total_duration_ms.toFixed(2)} ms (${path.percentage_of_total.toFixed(1)}%)`,
    '',
    '| # | Kind | Service | Location | Duration (ms) |',
    '|---|---|---|---|---|',
    ...path.path.map(
      (s, i) =>
        `| ${i + 1} | ${cell(s.kind)} | ${cell(s.service_name ?? '')} | ${cell(s.location)} | ${s.duration_ms.toFixed(2)} |`,
    ),
  ];
  if (path.by_service?.length) {
    lines.push('', '## By service', '', '| Service | Duration (ms) | Share |', '|---|---|---|');
    for (const s of path.by_service)
      lines.push(
        `| ${cell(s.service)} | ${s.duration_ms.toFixed(2)} | ${s.percentage.toFixed(1)}% |`,
      );
  }
  return lines.join('\n') + '\n';
}

export function anomaliesMarkdown(traceId: string, anomalies: readonly Anomaly[]): string {
  const lines = [`# Anomalies of trace ${traceId}`, ''];
  if (anomalies.length === 0)
    return lines.concat('No performance anomalies detected.', '').join('\n');
  lines.push(
    '| Severity | Kind | Actual (ms) | Expected (ms) | σ | Location | Description |',
    '|---|---|---|---|---|---|---|',
  );
  for (const a of anomalies) {
    lines.push(
      `| ${a.severity} | ${cell(a.event_kind)} | ${a.actual_duration_ms.toFixed(2)} | ${a.expected_duration_ms.toFixed(2)} | ${a.std_dev_from_mean.toFixed(1)} | ${cell(a.location)} | ${cell(a.description)} |`,
    );
  }
  return lines.join('\n') + '\n';
}
