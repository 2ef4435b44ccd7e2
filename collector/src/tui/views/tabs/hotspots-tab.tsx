import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { Pane } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { traceHotspots } from '../../state/trace-hotspots.js';
import { useTone } from '../../theme.js';
import type { TabProps } from './tab-props.js';
import { useListBesideDetail } from '../../input/use-list-beside-detail.js';

/** Tab 9: the trace's most accessed variables, most called functions and busiest services. */
export function HotspotsTab({ trace, height }: TabProps): ReactNode {
  const tone = useTone();
  const hot = traceHotspots(trace.events);
  const rows = hot.variables.map(
    (v) =>
      `${v.variable}  ${v.reads + v.writes} accesses (${v.reads} R / ${v.writes} W) · ${v.threads} threads`,
  );
  const { listHeight, nav, panes } = useListBesideDetail(rows, height, 0.55);
  const half = Math.max(1, Math.floor((listHeight - 2) / 2));

  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title={`Variables ${hot.variables.length}`}
        focused={panes.focus === 0}
        height={height}
        width="55%"
        rows={rows}
        cursor={nav.cursor}
        empty="no state changes"
      />
      <Pane title="Functions and services" focused={panes.focus === 1} height={height} flexGrow={1}>
        <Text bold>Function calls</Text>
        {hot.functions.length === 0 ? <Text {...tone.fg('muted')}>none</Text> : null}
        {hot.functions.slice(0, half).map((f) => (
          <Text key={f.name} wrap="truncate">
            {f.name} ×{f.calls}
          </Text>
        ))}
        <Text bold>Service activity</Text>
        {hot.services.slice(0, half).map((s) => (
          <Text key={s.service} wrap="truncate">
            {s.service} {s.events} events ({s.share}%)
          </Text>
        ))}
      </Pane>
    </Box>
  );
}
