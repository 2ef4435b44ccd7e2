import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTone } from '../theme.js';

export interface PaneProps {
  title: string;
  focused: boolean;
  height: number;
  width?: number | string;
  flexGrow?: number;
  children?: ReactNode;
}

/** A bordered panel with a title; the focused one has a double border and a `●` (visible without colour). */
export function Pane({ title, focused, height, width, flexGrow, children }: PaneProps): ReactNode {
  const tone = useTone();
  return (
    <Box
      flexDirection="column"
      borderStyle={focused ? 'double' : 'single'}
      {...tone.border(focused ? 'accent' : 'muted')}
      height={height}
      {...(width === undefined ? {} : { width })}
      {...(flexGrow === undefined ? { flexShrink: 0 } : { flexGrow, flexShrink: 1, flexBasis: 0 })}
      minWidth={0}
      overflow="hidden"
    >
      <Text bold wrap="truncate" {...tone.fg(focused ? 'accent' : undefined)}>
        {focused ? '● ' : '  '}
        {title}
      </Text>
      {children}
    </Box>
  );
}

/** Rows available inside a pane of `height` (borders and title line taken off). */
export function paneRows(height: number): number {
  return Math.max(1, height - 3);
}
