import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useContext } from 'react';
import { useTone } from '../theme.js';
import { UiContext } from '../ui-context.js';

export interface PaneProps {
  title: string;
  focused: boolean;
  height: number;
  /** Columns, or a percentage of the terminal's width (every pane sits in a full-width row). */
  width?: number | string;
  flexGrow?: number;
  children?: ReactNode;
}

/** A bordered panel with a title; the focused one has a double border and a `●` (visible without colour). */
export function Pane({ title, focused, height, width, flexGrow, children }: PaneProps): ReactNode {
  const tone = useTone();
  const columns = useContext(UiContext)?.size.columns;
  // Whole columns: a fractional width (58% of 80) let the text be cut one column past the border, where
  // overflow hid its "…".
  const paneWidth =
    typeof width === 'string' && width.endsWith('%') && columns !== undefined
      ? Math.floor((columns * Number.parseFloat(width)) / 100)
      : width;
  return (
    <Box
      flexDirection="column"
      borderStyle={focused ? 'double' : 'single'}
      {...tone.border(focused ? 'accent' : 'muted')}
      height={height}
      {...(paneWidth === undefined ? {} : { width: paneWidth })}
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
