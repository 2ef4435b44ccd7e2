import { createContext, useContext } from 'react';

/** Semantic tones; each maps to a terminal colour, or to nothing when colour is off. */
export type Tone = 'accent' | 'critical' | 'warning' | 'ok' | 'muted' | 'info';

export interface Theme {
  color: boolean;
}

const COLORS: Record<Tone, string> = {
  accent: 'cyan',
  critical: 'red',
  warning: 'yellow',
  ok: 'green',
  muted: 'gray',
  info: 'blue',
};

/** Colour unless `NO_COLOR` is set to anything non-empty (no-color.org). */
export function themeFor(env: Readonly<Record<string, string | undefined>>): Theme {
  return { color: !env.NO_COLOR };
}

export const ThemeContext = createContext<Theme>({ color: true });

/** Props that colour text (`fg`) or a border (`border`) in a tone; empty under NO_COLOR. */
export interface ToneProps {
  fg(tone: Tone | undefined): { color?: string };
  border(tone: Tone | undefined): { borderColor?: string };
}

export function useTone(): ToneProps {
  const theme = useContext(ThemeContext);
  return {
    fg: (tone) => (theme.color && tone ? { color: COLORS[tone] } : {}),
    border: (tone) => (theme.color && tone ? { borderColor: COLORS[tone] } : {}),
  };
}
