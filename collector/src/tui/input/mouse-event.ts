/** A mouse report from the terminal (SGR mode 1006), coordinates 0-based from the top-left corner. */
export type MouseEvent =
  | { kind: 'wheel'; direction: 1 | -1; x: number; y: number }
  | { kind: 'click'; x: number; y: number };

// ink strips the leading ESC: what arrives is `[<button;column;row` then `M` (press) or `m` (release).
const SGR_MOUSE = /^\[<(\d+);(\d+);(\d+)([Mm])$/;
const ESC = String.fromCharCode(27);

/**
 * Parses a mouse report; undefined for anything else (keys) and for events we ignore (releases, drags,
 * buttons other than the left one).
 */
export function parseMouse(input: string): MouseEvent | undefined {
  const m = SGR_MOUSE.exec(input.startsWith(ESC) ? input.slice(1) : input);
  if (!m) return undefined;
  const button = Number(m[1]);
  const x = Number(m[2]) - 1;
  const y = Number(m[3]) - 1;
  if (button === 64) return { kind: 'wheel', direction: -1, x, y };
  if (button === 65) return { kind: 'wheel', direction: 1, x, y };
  if (button === 0 && m[4] === 'M') return { kind: 'click', x, y };
  return undefined;
}

/** Whether the input is a mouse report at all, including the ones parseMouse ignores (releases, drags). */
export function isMouseReport(input: string): boolean {
  return SGR_MOUSE.test(input.startsWith(ESC) ? input.slice(1) : input);
}

/** Terminal modes: report clicks and the wheel, in SGR encoding (works beyond column 223). */
export const ENABLE_MOUSE = '\u001b[?1000h\u001b[?1006h';
export const DISABLE_MOUSE = '\u001b[?1006l\u001b[?1000l';
