import type { Key } from 'ink';

/** One key press: what ink would have reported had it arrived alone. */
export interface TypedKey {
  input: string;
  key: Key;
}

/**
 * Splits what ink hands over as one input into the key presses it holds. Keys typed faster than the TUI
 * reads them (a held key, a slow SSH link, a busy machine) reach it in one chunk, `jjj` or `c/` or
 * `load⏎`, which ink passes on whole; and Esc followed at once by a key arrives as that key with `meta`.
 * Escape sequences (arrows, paging, mouse reports) are already split by ink and pass through unchanged.
 */
export function typedKeys(input: string, key: Key): TypedKey[] {
  if (input.length <= 1) {
    // Esc then a key, read together: ink reports the key with meta. The TUI binds no Alt keys.
    if (input.length === 1 && key.meta && !hasNamedKey(key))
      return [
        { input: '', key: { ...blank(key), escape: true, meta: true } },
        { input, key: { ...blank(key), shift: /[A-Z]/.test(input) } },
      ];
    return [{ input, key }];
  }
  // What is left of an escape sequence ink did not recognise ("[I" of a focus report) is no typing; it
  // has the shape of one (parameters, then a final letter or ~), which "[[" of a held [ key has not.
  if (hasNamedKey(key) || key.ctrl || key.meta || CSI_REST.test(input)) return [{ input, key }];
  return Array.from(input, (char) => single(char, blank(key)));
}

/** The rest of a CSI escape sequence once ink has taken its ESC: `[`, parameters, a final byte. */
const CSI_REST = /^\[[0-9;?]*[A-Za-z~]$/;

function single(char: string, plain: Key): TypedKey {
  switch (char) {
    case '\r':
    case '\n':
      return { input: '', key: { ...plain, return: true } };
    case '\t':
      return { input: '', key: { ...plain, tab: true } };
    case '\u007f':
      return { input: '', key: { ...plain, delete: true } };
    case '\b':
      return { input: '', key: { ...plain, backspace: true } };
    case '\u001b':
      return { input: '', key: { ...plain, escape: true, meta: true } };
    default:
      break;
  }
  const code = char.charCodeAt(0);
  // Ctrl-letter: ink reports the letter with ctrl (Ctrl-d is "\u0004" → "d").
  if (code >= 1 && code <= 26)
    return { input: String.fromCharCode(code + 96), key: { ...plain, ctrl: true } };
  return { input: char, key: { ...plain, shift: /[A-Z]/.test(char) } };
}

function hasNamedKey(key: Key): boolean {
  return (
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end ||
    key.return ||
    key.escape ||
    key.tab ||
    key.backspace ||
    key.delete
  );
}

/** The same key with every flag off. */
function blank(key: Key): Key {
  return Object.fromEntries(
    Object.entries(key).map(([name, value]) => [name, typeof value === 'boolean' ? false : value]),
  ) as unknown as Key;
}
