/** Cursor over a list shown in a window of `height` rows: the selected index and the first visible row. */
export interface ListCursor {
  index: number;
  offset: number;
}

export type CursorMove = 'down' | 'up' | 'top' | 'bottom' | 'halfDown' | 'halfUp';

export const START: ListCursor = { index: 0, offset: 0 };

/** Applies a vim-style move (j/k, g/G, Ctrl-d/Ctrl-u) and keeps the selection inside the window. */
export function moveCursor(
  cursor: ListCursor,
  move: CursorMove,
  count: number,
  height: number,
): ListCursor {
  const half = Math.max(1, Math.floor(height / 2));
  const delta: Record<CursorMove, number> = {
    down: 1,
    up: -1,
    top: -Infinity,
    bottom: Infinity,
    halfDown: half,
    halfUp: -half,
  };
  return selectIndex(cursor, cursor.index + delta[move], count, height);
}

/** Selects `index` (clamped to the list) and scrolls just enough to show it. */
export function selectIndex(
  cursor: ListCursor,
  index: number,
  count: number,
  height: number,
): ListCursor {
  if (count <= 0) return START;
  const target = Math.min(count - 1, Math.max(0, index));
  const rows = Math.max(1, height);
  let offset = Math.min(cursor.offset, Math.max(0, count - rows));
  if (target < offset) offset = target;
  if (target >= offset + rows) offset = target - rows + 1;
  return { index: target, offset: Math.max(0, offset) };
}

/** The slice of indices `[start, end)` on screen. */
export function visibleRange(
  cursor: ListCursor,
  count: number,
  height: number,
): { start: number; end: number } {
  const fixed = selectIndex(cursor, cursor.index, count, height);
  return { start: fixed.offset, end: Math.min(count, fixed.offset + Math.max(1, height)) };
}
