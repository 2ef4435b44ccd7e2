/** "1 race", "3 races", "0 anomalies": a count with its noun in the right number. */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
