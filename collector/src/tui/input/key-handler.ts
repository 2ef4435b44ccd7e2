import { createContext, useContext, useEffect, useRef } from 'react';
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

/** Makes `handler` (latest render's closure) the keyboard handler of the enclosing slot. */
export function useKeyHandler(handler: KeyHandler): void {
  const slot = useContext(KeyHandlerContext);
  const latest = useRef(handler);
  latest.current = handler;
  slot.current = (action) => latest.current(action);
  useEffect(
    () => () => {
      slot.current = undefined;
    },
    [slot],
  );
}

/** A fresh slot for a view's children. */
export function useChildSlot(): RefObject<KeyHandler | undefined> & KeyHandlerSlot {
  return useRef<KeyHandler | undefined>(undefined);
}
