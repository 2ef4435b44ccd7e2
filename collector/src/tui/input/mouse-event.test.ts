import { describe, expect, it } from 'vitest';
import { parseMouse } from './mouse-event.js';

describe('mouse reports', () => {
  it.each([
    ['[<64;10;5M', { kind: 'wheel', direction: -1, x: 9, y: 4 }],
    ['[<65;10;5M', { kind: 'wheel', direction: 1, x: 9, y: 4 }],
    ['[<0;42;7M', { kind: 'click', x: 41, y: 6 }],
    ['\u001b[<0;1;1M', { kind: 'click', x: 0, y: 0 }],
  ] as const)('parses %j', (input, event) => {
    expect(parseMouse(input)).toEqual(event);
  });

  it('ignores releases, other buttons and ordinary keys', () => {
    expect(parseMouse('[<0;42;7m')).toBeUndefined();
    expect(parseMouse('[<2;42;7M')).toBeUndefined();
    expect(parseMouse('j')).toBeUndefined();
  });
});
