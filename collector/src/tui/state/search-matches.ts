/** Indices of the rows containing `query` (case-insensitive); an empty query matches nothing. */
export function findMatches(rows: readonly string[], query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: number[] = [];
  rows.forEach((row, i) => {
    if (row.toLowerCase().includes(needle)) matches.push(i);
  });
  return matches;
}

/**
 * The next match after `from` (n), or the previous one before it (N), wrapping around the list; undefined
 * when nothing matches.
 */
export function nextMatch(
  matches: readonly number[],
  from: number,
  direction: 1 | -1,
): number | undefined {
  if (matches.length === 0) return undefined;
  if (direction === 1) return matches.find((m) => m > from) ?? matches[0];
  return [...matches].reverse().find((m) => m < from) ?? matches[matches.length - 1];
}
