/** Longest part of a refused value an error message repeats, in characters. */
export const QUOTED_VALUE_MAX = 80;

/**
 * A value a client sent, quoted for an error message: JSON string escapes, invisible and
 * direction-changing characters as `\uXXXX`, and cut at {@link QUOTED_VALUE_MAX} characters (never
 * inside a surrogate pair) with `…` after the closing quote, so a huge or hostile value cannot flood or
 * disguise the message.
 */
export function quotedValue(value: string): string {
  const chars = Array.from(value);
  const kept = chars.slice(0, QUOTED_VALUE_MAX).join('');
  const quoted = JSON.stringify(kept).replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return chars.length > QUOTED_VALUE_MAX ? `${quoted}…` : quoted;
}
