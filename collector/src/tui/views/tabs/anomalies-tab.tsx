import { Box } from 'ink';
import type { ReactNode } from 'react';
import { FieldLines } from '../../components/field-lines.js';
import { Pane } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { clockTime, durationText } from '../../model/format-time.js';
import type { TabProps } from './tab-props.js';
import { useListBesideDetail } from '../../input/use-list-beside-detail.js';

/** Tab 5: events much slower than their baseline, with the baseline facts the judgement used. */
export function AnomaliesTab({ trace, height }: TabProps): ReactNode {
  const anomalies = trace.anomalies;
  const rows = anomalies.map(
    (a) =>
      `${a.severity.padEnd(8)} ${a.event_kind} ${durationText(a.actual_duration_ms)} (exp ${durationText(a.expected_duration_ms)}) ${a.std_dev_from_mean.toFixed(1)}σ`,
  );
  const { listHeight, nav, panes } = useListBesideDetail(rows, height, 0.55);
  const a = anomalies[nav.cursor.index];

  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title={`Anomalies ${anomalies.length}`}
        focused={panes.focus === 0}
        height={height}
        width="55%"
        rows={rows}
        cursor={nav.cursor}
        tones={anomalies.map((x) =>
          x.severity === 'Critical' ? 'critical' : x.severity === 'Warning' ? 'warning' : undefined,
        )}
        empty="No anomalies detected"
      />
      <Pane title="Anomaly" focused={panes.focus === 1} height={height} flexGrow={1}>
        {a ? (
          <FieldLines
            max={listHeight}
            fields={[
              ['severity', a.severity, a.severity === 'Critical' ? 'critical' : 'warning'],
              ['kind', a.event_kind],
              ['service', a.service_name],
              ['actual', durationText(a.actual_duration_ms)],
              ['expected', durationText(a.expected_duration_ms)],
              ['score', `${a.std_dev_from_mean.toFixed(2)}σ`],
              [
                'baseline',
                `${a.baseline_count} samples, p50 ${durationText(a.baseline_p50_ms)}, p99 ${durationText(a.baseline_p99_ms)}`,
              ],
              ['location', a.location],
              ['time', clockTime(a.timestamp)],
              ['event', a.event_id],
              ['why', a.description],
            ]}
          />
        ) : null}
      </Pane>
    </Box>
  );
}
