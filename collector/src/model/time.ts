/**
 * RFC 3339 parsing that keeps sub-millisecond digits (Date only keeps ms) and normalises to UTC `Z`
 * (spec §1.2: any offset and any fractional precision is accepted; re-emitted in UTC).
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;

export interface ParsedTimestamp {
  /** Microseconds since the epoch (fraction kept for ns inputs). */
  timeUs: number;
  /** UTC, `Z` suffix, the input's fractional digits (trailing zeros kept as sent). */
  iso: string;
}

export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const base = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
  if (Number.isNaN(base) || +mo! > 12 || +d! > 31 || +h! > 23 || +mi! > 59 || +s! > 60)
    return undefined;
  let offsetMin = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const utcMs = base - offsetMin * 60_000;
  const fracUs = frac ? Number(frac.padEnd(9, '0')) / 1000 : 0;
  const whole = new Date(utcMs).toISOString().slice(0, 19);
  return { timeUs: utcMs * 1000 + fracUs, iso: `${whole}${frac ? `.${frac}` : ''}Z` };
}

/** Formats epoch microseconds as RFC 3339 UTC with microsecond precision. */
export function formatTimeUs(timeUs: number): string {
  const ms = Math.floor(timeUs / 1000);
  const us = Math.floor(timeUs - ms * 1000);
  const iso = new Date(ms).toISOString(); // ...sss Z
  return us === 0 ? iso : `${iso.slice(0, -1)}${String(us).padStart(3, '0')}Z`;
}
