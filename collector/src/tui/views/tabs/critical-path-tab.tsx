import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { FieldLines } from '../../components/field-lines.js';
import { Pane } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { durationText } from '../../model/format-time.js';
import { useTone } from '../../theme.js';
import type { TabProps } from './tab-props.js';
import { useListBesideDetail } from '../../input/use-list-beside-detail.js';

/** Tab 4: the critical path step by step, with its share per service and per operation. */
export function CriticalPathTab({ trace, height }: TabProps): ReactNode {
  const tone = useTone();
  const cp = trace.critical_path;
  const path = cp?.path ?? [];
  const rows = path.map(
    (s, i) =>
      `${String(i + 1).padStart(2)}. +${durationText(s.start_ms).padEnd(7)} ${durationText(s.duration_ms).padStart(7)}  ${s.kind}${s.location === '' ? '' : ` @ ${s.location}`}`,
  );
  const { nav, panes } = useListBesideDetail(rows, height, 0.6);
  const step = path[nav.cursor.index];

  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title={`Critical path ${path.length} steps`}
        focused={panes.focus === 0}
        height={height}
        width="60%"
        rows={rows}
        cursor={nav.cursor}
        empty="no critical path (no timed events)"
      />
      <Pane title="Summary" focused={panes.focus === 1} height={height} flexGrow={1}>
        {cp ? (
          <FieldLines
            fields={[
              ['path', durationText(cp.total_duration_ms)],
              ['trace', durationText(cp.trace_total_duration_ms)],
              ['share', `${cp.percentage_of_total}%`],
            ]}
          />
        ) : null}
        <Text bold>By service</Text>
        {(cp?.by_service ?? []).slice(0, 4).map((s) => (
          <Text key={s.service} wrap="truncate">
            {s.service} {durationText(s.duration_ms)} ({Math.round(s.percentage)}%)
          </Text>
        ))}
        <Text bold>By operation</Text>
        {(cp?.by_operation ?? []).slice(0, 4).map((s) => (
          <Text key={s.operation} wrap="truncate">
            {s.operation} {durationText(s.duration_ms)} ({Math.round(s.percentage)}%)
          </Text>
        ))}
        {step ? (
          <>
            <Text bold>Selected step</Text>
            <Text wrap="truncate" {...tone.fg('accent')}>
              {step.kind}
            </Text>
            <Text wrap="truncate">
              {step.service_name} · self {durationText(step.self_ms)}
            </Text>
          </>
        ) : null}
      </Pane>
    </Box>
  );
}
