import { useState } from 'react';
import type { KeyAction } from './key-action.js';

/** Which pane a click at (x, y) of the view lands in, if any. */
export type PaneHit = (x: number, y: number) => number | undefined;

/**
 * Which of `count` panes has the keyboard: `h`/`l`/Tab cycle through them, and a click focuses the pane
 * under the pointer (`hit` maps view coordinates to a pane).
 */
export function usePaneFocus(
  count: number,
  hit?: PaneHit,
): {
  focus: number;
  handle(action: KeyAction): boolean;
  setFocus(index: number): void;
} {
  const [focus, setFocus] = useState(0);
  return {
    focus: Math.min(focus, count - 1),
    setFocus,
    handle(action) {
      if (action.type === 'click') {
        const pane = hit?.(action.x, action.y);
        if (pane !== undefined) setFocus(pane);
        return true;
      }
      if (action.type !== 'pane') return false;
      setFocus((f) => (f + action.direction + count) % count);
      return true;
    },
  };
}

/** Two panes side by side, the left one `fraction` of `columns` wide. */
export function columnsHit(columns: number, fraction: number): PaneHit {
  return (x) => (x < Math.round(columns * fraction) ? 0 : 1);
}

/** A list `topRows` high over two panes side by side (races, cross-trace races). */
export function stackedHit(columns: number, topRows: number): PaneHit {
  return (x, y) => (y < topRows ? 0 : x < Math.round(columns / 2) ? 1 : 2);
}
