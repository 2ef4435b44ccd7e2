import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Tone } from '../theme.js';
import { useTone } from '../theme.js';

export type Field = readonly [label: string, value: string, tone?: Tone | undefined];

/** `label  value` lines, labels padded to one column, each line cut at the pane's edge. */
export function FieldLines({ fields, max }: { fields: readonly Field[]; max?: number }): ReactNode {
  const tone = useTone();
  const width = Math.max(0, ...fields.map(([label]) => label.length));
  const shown = max === undefined ? fields : fields.slice(0, max);
  return (
    <Box flexDirection="column">
      {shown.map(([label, value, t], i) => (
        <Text key={i} wrap="truncate">
          <Text {...tone.fg('muted')}>{label.padEnd(width)} </Text>
          <Text {...tone.fg(t)}>{value}</Text>
        </Text>
      ))}
    </Box>
  );
}
