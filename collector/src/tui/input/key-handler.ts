import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { KeyAction } from './key-action.js';

/** Handles an action for the view that owns the keyboard; false lets the parent handle it. */
export type KeyHandler = (action: KeyAction) => boolean;

export type KeyHandlerSlot = { current: KeyHandler | undefined };

/**
 * The slot the enclosing view reads its child's handler from. The app owns the root slot and routes every
 * key there; a view with sub-views (the trace tabs) offers its own slot and delegates.
 */
export const KeyHandlerContext = createContext<KeyHandlerSlot>({ current: undefined });

/**
 * Makes `handler` (latest render's closure) the keyboard handler of the enclosing slot while mounted. A view
 * that unmounts clears the slot only if it still holds its own handler, so switching views never leaves
 * the slot empty.
 */
export function useKeyHandler(handler: KeyHandler): void {
  const slot = useContext(KeyHandlerContext);
  const latest = useRef(handler);
  latest.current = handler;
  useLayoutEffect(() => {
    const mine: KeyHandler = (action) => latest.current(action);
    slot.current = mine;
    return () => {
      if (slot.current === mine) slot.current = undefined;
    };
  }, [slot]);
}

/** A fresh slot for a view's children. */
export function useChildSlot(): RefObject<KeyHandler | undefined> & KeyHandlerSlot {
  return useRef<KeyHandler | undefined>(undefined);
}
