import { parseTimestamp } from '../model/time.js';
import type { ParsedTimestamp } from '../model/time.js';

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z$/;

/** The last whole second parsed: events of a batch mostly share it (a pure memo, safe to share). */
let lastSecond = '';
let lastSecondMs = Number.NaN;

/**
 * `parseTimestamp` with a fast path for the canonical UTC `Z` form (what the TS and Go SDKs send and
 * what ingest normalises to): the profile of a loaded collector showed timestamp parsing at ~6% of CPU.
 * Anything else, and days or hours that the slow path would roll over, take the general parser.
 */
export function eventTime(timestamp: string): ParsedTimestamp | undefined {
  if (CANONICAL.test(timestamp)) {
    const day = (timestamp.charCodeAt(8) - 48) * 10 + timestamp.charCodeAt(9) - 48;
    const hour = (timestamp.charCodeAt(11) - 48) * 10 + timestamp.charCodeAt(12) - 48;
    const second = timestamp.slice(0, 19);
    if (second !== lastSecond) {
      lastSecond = second;
      lastSecondMs = day <= 28 && hour <= 23 ? Date.parse(`${second}Z`) : Number.NaN;
    }
    const ms = lastSecondMs;
    if (!Number.isNaN(ms)) {
      const frac = timestamp.length > 20 ? timestamp.slice(20, -1) : '';
      const fracUs = frac ? Number(frac.padEnd(9, '0')) / 1000 : 0;
      return { timeUs: ms * 1000 + fracUs, iso: timestamp };
    }
  }
  return parseTimestamp(timestamp);
}
