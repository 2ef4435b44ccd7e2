import { useState } from 'react';
import type { KeyAction } from './key-action.js';

/** Which of `count` panes has the keyboard; `h`/`l`/Tab cycle through them. */
export function usePaneFocus(count: number): {
  focus: number;
  handle(action: KeyAction): boolean;
  setFocus(index: number): void;
} {
  const [focus, setFocus] = useState(0);
  return {
    focus: Math.min(focus, count - 1),
    setFocus,
    handle(action) {
      if (action.type !== 'pane') return false;
      setFocus((f) => (f + action.direction + count) % count);
      return true;
    },
  };
}
