import { describe, expect, it } from 'vitest';
import { QUOTED_VALUE_MAX, quotedValue } from './quoted-value.js';

describe('quotedValue', () => {
  it.each([
    ['not-a-uuid', '"not-a-uuid"'],
    ['', '""'],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
    ['evil\u202Edi', '"evil\\u202edi"'],
    ['a\u2028b', '"a\\u2028b"'],
  ])('quotes %j as %s', (value, quoted) => {
    expect(quotedValue(value)).toBe(quoted);
  });

  it(`keeps at most ${QUOTED_VALUE_MAX} characters and marks the cut`, () => {
    expect(quotedValue('x'.repeat(10_000))).toBe(`"${'x'.repeat(QUOTED_VALUE_MAX)}"…`);
    expect(quotedValue('x'.repeat(QUOTED_VALUE_MAX))).toBe(`"${'x'.repeat(QUOTED_VALUE_MAX)}"`);
  });

  it('never cuts a character in half', () => {
    expect(quotedValue('😀'.repeat(100))).toBe(`"${'😀'.repeat(QUOTED_VALUE_MAX)}"…`);
  });
});
