import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { ListCursor } from '../state/list-cursor.js';
import { visibleRange } from '../state/list-cursor.js';
import type { Tone } from '../theme.js';
import { useTone } from '../theme.js';

export interface ScrollListProps {
  rows: readonly string[];
  cursor: ListCursor;
  height: number;
  /** Whether the list has the keyboard (selection shown in reverse video). */
  active: boolean;
  tones?: ReadonlyArray<Tone | undefined>;
  empty?: string;
}

/** A virtual list: only the rows in the window are rendered, the selected one marked `›`. */
export function ScrollList({
  rows,
  cursor,
  height,
  active,
  tones,
  empty,
}: ScrollListProps): ReactNode {
  const tone = useTone();
  if (rows.length === 0) {
    return <Text {...tone.fg('muted')}>{empty ?? 'nothing here'}</Text>;
  }
  const { start, end } = visibleRange(cursor, rows.length, height);
  const lines: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const selected = i === cursor.index;
    lines.push(
      <Text
        key={i}
        wrap="truncate"
        inverse={selected && active}
        bold={selected}
        {...tone.fg(tones?.[i])}
      >
        {selected ? '›' : ' '}
        {rows[i]}
      </Text>,
    );
  }
  return <Box flexDirection="column">{lines}</Box>;
}
