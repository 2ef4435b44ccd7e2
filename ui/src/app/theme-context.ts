import { createContext, useContext } from 'react';
import type { Theme } from './theme';

/** The active theme, for components that style themselves in code (graph canvases). */
export const ThemeContext = createContext<Theme>('light');

export function useThemeName(): Theme {
  return useContext(ThemeContext);
}
