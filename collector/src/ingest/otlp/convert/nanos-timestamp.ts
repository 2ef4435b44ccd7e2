const NS_PER_S = 1_000_000_000n;

/** RFC 3339 UTC with all nine nanosecond digits (the collector keeps sub-millisecond digits). */
export function nanosToTimestamp(ns: bigint): string {
  const seconds = ns / NS_PER_S;
  const frac = (ns % NS_PER_S).toString().padStart(9, '0');
  // Events of one export mostly share their second: format it once.
  if (seconds !== lastSeconds) {
    lastSeconds = seconds;
    lastPrefix = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  }
  return `${lastPrefix}.${frac}Z`;
}

let lastSeconds = -1n;
let lastPrefix = '';

/** A duration in nanoseconds as a JS number (exact below 2^53 ns, about 104 days). */
export function nanosBetween(start: bigint, end: bigint): number {
  return Number(end - start);
}
