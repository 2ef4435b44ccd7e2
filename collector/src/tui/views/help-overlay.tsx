import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { KEY_BINDINGS } from '../input/key-action.js';
import { useTone } from '../theme.js';

/** Every key binding (`?`); Esc or `?` closes it. */
export function HelpOverlay({ height }: { height: number }): ReactNode {
  const tone = useTone();
  const width = Math.max(...KEY_BINDINGS.map(([k]) => k.length));
  return (
    <Box
      flexDirection="column"
      height={height}
      borderStyle="double"
      {...tone.border('accent')}
      paddingX={1}
    >
      <Text bold>Keys (Esc or ? closes)</Text>
      {KEY_BINDINGS.slice(0, Math.max(1, height - 3)).map(([keys, meaning], i) => (
        <Text key={i} wrap="truncate">
          <Text bold {...tone.fg('accent')}>
            {keys.padEnd(width)}
          </Text>
          {'  '}
          {meaning}
        </Text>
      ))}
    </Box>
  );
}
