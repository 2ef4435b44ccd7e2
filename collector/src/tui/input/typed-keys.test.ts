import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { NO_KEY as none } from '../../testing/no-key.js';
import { typedKeys } from './typed-keys.js';

/** Each key press as text: the input, or the name of the flag that is set. */
function names(input: string, key: Partial<Key> = {}): string[] {
  return typedKeys(input, { ...none, ...key }).map(({ input: i, key: k }) => {
    const flags = Object.entries(k)
      .filter(([, v]) => v === true)
      .map(([n]) => n);
    return [...flags, i].filter(Boolean).join('+');
  });
}

describe('typedKeys', () => {
  it('passes a key that arrived alone through unchanged', () => {
    expect(names('j')).toEqual(['j']);
    expect(names('', { return: true })).toEqual(['return']);
    expect(names('', { escape: true, meta: true })).toEqual(['escape+meta']);
    expect(names('', { downArrow: true })).toEqual(['downArrow']);
  });

  it('splits keys that arrived in one chunk into one press each', () => {
    expect(names('jjj')).toEqual(['j', 'j', 'j']);
    expect(names('c/')).toEqual(['c', '/']);
    expect(names('Gk')).toEqual(['shift+G', 'k']);
  });

  it('recognises Enter, Tab, Backspace and Ctrl-letters inside a chunk', () => {
    expect(names('ab\r')).toEqual(['a', 'b', 'return']);
    expect(names('\tx')).toEqual(['tab', 'x']);
    expect(names('a\u007f')).toEqual(['a', 'delete']);
    expect(names('\u0004j')).toEqual(['ctrl+d', 'j']);
  });

  it('reads Esc followed at once by a key (reported as that key with meta) as Esc, then the key', () => {
    expect(names('q', { meta: true })).toEqual(['escape+meta', 'q']);
  });

  it('leaves the rest of an unrecognised escape sequence whole', () => {
    expect(names('[I')).toEqual(['[I']);
    expect(names('[1;5A')).toEqual(['[1;5A']);
  });

  it('splits brackets typed together (a held [ slows the debugger step by step)', () => {
    expect(names('[[[')).toEqual(['[', '[', '[']);
    expect(names('][')).toEqual([']', '[']);
  });
});
