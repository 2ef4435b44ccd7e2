/** `HH:MM:SS.mmm` (UTC) of an RFC 3339 timestamp; the input unchanged when it does not parse. */
export function clockTime(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return timestamp;
  return new Date(ms).toISOString().slice(11, 23);
}

/** A duration in ms with a sensible precision. */
export function durationText(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)}s`;
  if (ms >= 10) return `${Math.round(ms)}ms`;
  return `${Math.round(ms * 100) / 100}ms`;
}

/** The first 8 characters of an id, the way people quote trace ids. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
