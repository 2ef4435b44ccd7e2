/** A column of a text table: its header and whether numbers line up on the right. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * A plain text table: a header row, a rule, and one row per item, columns padded to the widest cell.
 * An empty row list prints the `empty` line instead, so scripts and people see that nothing matched.
 */
export function formatTable(
  columns: readonly Column[],
  rows: ReadonlyArray<readonly string[]>,
  empty = '(none)',
): string {
  if (rows.length === 0) return `${empty}\n`;
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n') + '\n';
}

/** `key: value` lines with the keys padded, for single-object output. */
export function formatFields(fields: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...fields.map(([k]) => k.length));
  return fields.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v}`).join('\n') + '\n';
}

/** Milliseconds with at most two decimals. */
export function ms(value: number): string {
  return `${Math.round(value * 100) / 100} ms`;
}

/** A time span in the unit that reads best: "42.5 s", "12.3 min", "5.2 h", "387.4 d". */
export function span(seconds: number): string {
  const round1 = (v: number): number => Math.round(v * 10) / 10;
  if (seconds < 120) return `${Math.round(seconds * 100) / 100} s`;
  if (seconds < 7200) return `${round1(seconds / 60)} min`;
  if (seconds < 172_800) return `${round1(seconds / 3600)} h`;
  return `${round1(seconds / 86_400)} d`;
}

/** A rate per second: two decimals, and "< 0.01" rather than a 0 that is not one. */
export function perSecond(value: number): string {
  if (value > 0 && value < 0.01) return '< 0.01';
  return String(Math.round(value * 100) / 100);
}
