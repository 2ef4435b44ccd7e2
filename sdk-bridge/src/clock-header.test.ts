import { describe, expect, it } from 'vitest';
import { formatClockHeader, parseClockHeader, type ClockHeaderPayload } from './clock-header.js';

// Captured from the real TypeScript SDK (spec §2.1).
const CAPTURED =
  'v1;eyJ0cmFjZV9pZCI6IjI3MWEwZGIxLTQ2NjctNGM1NS1iYTJiLTM1ZGI3OTczYTA1YiIsInNwYW5faWQiOiI3NmFkNWNjNzFhNGU0NTVlIiwicGFyZW50X3NwYW5faWQiOiI4NDliN2ZjN2YzNjFjZThjIiwic2VydmljZSI6ImJhbmtpbmctYXBpIiwiaW5zdGFuY2UiOiJob3N0LTEiLCJjbG9jayI6W1siYmFua2luZy1hcGkjaG9zdC0xIiw5XV19';
const DECODED: ClockHeaderPayload = {
  trace_id: '271a0db1-4667-4c55-ba2b-35db7973a05b',
  span_id: '76ad5cc71a4e455e',
  parent_span_id: '849b7fc7f361ce8c',
  service: 'banking-api',
  instance: 'host-1',
  clock: [['banking-api#host-1', 9]],
};

describe('raceway-clock header', () => {
  it('decodes the header the old TypeScript SDK sent', () => {
    expect(parseClockHeader(CAPTURED)).toEqual(DECODED);
  });

  it('encodes byte for byte what the old TypeScript SDK sent (base64url, no padding)', () => {
    expect(formatClockHeader(DECODED)).toBe(CAPTURED);
  });

  it.each([
    ['no header', undefined],
    ['another version', 'v2;e30'],
    ['broken base64 JSON', 'v1;!!!'],
    ['JSON that is not an object', `v1;${Buffer.from('42').toString('base64url')}`],
  ])('ignores %s', (_what, value) => {
    expect(parseClockHeader(value)).toBeUndefined();
  });

  it('keeps only well-formed clock entries of a partly broken payload', () => {
    const header = `v1;${Buffer.from(
      JSON.stringify({
        trace_id: 't',
        clock: [
          ['a#1', 2],
          ['b', 'x'],
        ],
      }),
    ).toString('base64url')}`;
    expect(parseClockHeader(header)?.clock).toEqual([['a#1', 2]]);
  });
});
