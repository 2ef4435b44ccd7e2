import { describe, expect, it } from 'vitest';
import { traceIdParam } from './trace-id-param.js';

const ID = 'e2e11ee4-f631-4342-a791-259ec142da3d';

describe('traceIdParam', () => {
  it.each([ID, ID.toUpperCase(), ID.replaceAll('-', ''), ID.replaceAll('-', '').toUpperCase()])(
    'reads %s as the canonical id',
    (text) => {
      expect(traceIdParam(text)).toBe(ID);
    },
  );

  it.each([
    undefined,
    '',
    'not-a-uuid',
    `${ID}0`,
    ID.slice(1),
    'g2e11ee4-f631-4342-a791-259ec142da3d',
  ])('refuses %j with the old message', (text) => {
    expect(() => traceIdParam(text)).toThrow(/^Invalid trace ID format: /);
  });

  it.each([
    [
      'not-a-uuid',
      'Invalid trace ID format: "not-a-uuid" is not a UUID (hyphenated or 32 hex digits)',
    ],
    [undefined, 'Invalid trace ID format: none given is not a UUID (hyphenated or 32 hex digits)'],
    [
      `${'a'.repeat(200)}\n`,
      `Invalid trace ID format: "${'a'.repeat(80)}"… is not a UUID (hyphenated or 32 hex digits)`,
    ],
  ])('names the refused value %j, quoted and cut short', (text, message) => {
    expect(() => traceIdParam(text)).toThrow(message);
  });
});
