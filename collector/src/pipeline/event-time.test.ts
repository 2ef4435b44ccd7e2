import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../model/time.js';
import { eventTime } from './event-time.js';

describe('eventTime', () => {
  it.each([
    '2026-11-24T16:53:29.465307Z',
    '2025-11-04T10:15:30.123456789Z',
    '2025-11-04T10:15:30Z',
    '2025-02-30T00:00:00Z',
    '2025-12-31T24:00:00Z',
    '2016-12-31T23:59:60Z',
    '2026-11-24T16:51:37.424175+00:00',
    'yesterday',
  ])('agrees with parseTimestamp on %s', (text) => {
    expect(eventTime(text)).toEqual(parseTimestamp(text));
  });

  // Years from 1000: parseTimestamp reads years below 100 as 19xx (Date.UTC), the fast path does not.
  it('agrees with parseTimestamp on any canonical UTC timestamp', () => {
    const digits = (n: number, min: number, max: number) =>
      fc.integer({ min, max }).map((v) => String(v).padStart(n, '0'));
    const text = fc
      .tuple(
        digits(4, 1000, 9999),
        digits(2, 0, 13),
        digits(2, 0, 32),
        digits(2, 0, 24),
        digits(2, 0, 60),
        digits(2, 0, 60),
        fc.option(fc.stringMatching(/^\d{1,9}$/)),
      )
      .map(([y, mo, d, h, mi, s, f]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f ? `.${f}` : ''}Z`);
    fc.assert(
      fc.property(text, (t) => {
        expect(eventTime(t)).toEqual(parseTimestamp(t));
      }),
    );
  });
});
