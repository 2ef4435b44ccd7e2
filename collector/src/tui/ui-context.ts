import { createContext, useContext } from 'react';
import type { RacewaySource } from './data/raceway-source.js';

/** What every view may use from the shell: the data source, the screen size, the prompt and messages. */
export interface UiContextValue {
  source: RacewaySource;
  size: { columns: number; rows: number };
  /** Opens the one-line prompt at the bottom; Enter submits, Esc cancels. */
  openPrompt(label: string, onSubmit: (text: string) => void, initial?: string): void;
  /** A short message in the status line. */
  flash(text: string): void;
}

export const UiContext = createContext<UiContextValue | undefined>(undefined);

export function useUi(): UiContextValue {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside the TUI shell');
  return ui;
}
