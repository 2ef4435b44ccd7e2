import type { RaceAccess, RaceDetail } from '../results.js';

/**
 * The human-readable race lines of spec §3.4 (`analysis.anomalies`); the TUI parses `RACE on ` and
 * `Event 1: `. Values are JSON, not the old Rust Debug form (spec §10.1.9).
 */
export function raceLines(details: readonly RaceDetail[]): string[] {
  if (details.length === 0) return ['No potential races detected for this trace'];
  const lines: string[] = [];
  for (const detail of details) {
    lines.push(`🚨 ${detail.severity} RACE on ${detail.variable}`);
    accessLines(lines, 1, detail.first);
    accessLines(lines, 2, detail.second);
    lines.push('');
  }
  return lines;
}

function accessLines(lines: string[], n: number, access: RaceAccess): void {
  lines.push(
    `   Event ${n}: ${access.event_id.slice(0, 8)} @ ${access.location} [${access.thread_id}]`,
  );
  lines.push(`           @ ${access.timestamp.slice(11, 23)}`);
  const isRead = access.access_type === 'Read' || access.access_type === 'AtomicRead';
  lines.push(
    isRead
      ? `           READ: ${JSON.stringify(access.new_value ?? null)}`
      : `           WRITE: ${JSON.stringify(access.old_value ?? null)} → ${JSON.stringify(access.new_value ?? null)}`,
  );
}
