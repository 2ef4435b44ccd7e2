import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { GlobalRaceDetail } from '../../engine/results.js';
import { FieldLines } from '../components/field-lines.js';
import { Pane, paneRows } from '../components/pane.js';
import { ListPane } from '../components/list-pane.js';
import { useResource } from '../data/use-resource.js';
import { useKeyHandler } from '../input/key-handler.js';
import { useListNavigation } from '../input/use-list-navigation.js';
import { stackedHit, usePaneFocus } from '../input/use-pane-focus.js';
import { useLiveMessages } from '../live/live-bus.js';
import { clockTime, shortId } from '../model/format-time.js';
import { useTone } from '../theme.js';
import { useUi } from '../ui-context.js';
import { errorText } from './error-text.js';
import type { ScreenProps } from './screen-props.js';

const SEVERITY_ORDER: Record<GlobalRaceDetail['severity'], number> = {
  CRITICAL: 0,
  WARNING: 1,
  INFO: 2,
};

export function globalRaceRow(r: GlobalRaceDetail): string {
  return `${r.severity.padEnd(8)} ${r.variable}  ${shortId(r.trace1_id)} ${r.event1_location} ↔ ${shortId(r.trace2_id)} ${r.event2_location}`;
}

/**
 * Races between concurrent traces (`/api/analyze/global`): the list, then both sides next to each other.
 * Enter opens the trace of the focused side (the first side when the list has focus).
 */
export function CrossTraceScreen({ height, onOpen }: ScreenProps): ReactNode {
  const ui = useUi();
  const tone = useTone();
  const global = useResource(() => ui.source.globalAnalysis(), 'global');
  useLiveMessages((m) => {
    if (m.type === 'global_race') global.reload();
  });
  const races = [...(global.data?.race_details ?? [])].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const rows = races.map(globalRaceRow);
  const listHeight = Math.max(5, Math.floor(height / 2));
  const sideHeight = height - listHeight;
  const nav = useListNavigation(rows, paneRows(listHeight));
  const panes = usePaneFocus(3, stackedHit(ui.size.columns, listHeight));
  const race = races[nav.cursor.index];

  useKeyHandler((action) => {
    if (panes.handle(action) || nav.handle(action)) return true;
    if (action.type === 'refresh') {
      global.reload();
      return true;
    }
    if (action.type === 'open' && race) {
      onOpen(panes.focus === 2 ? race.trace2_id : race.trace1_id);
      return true;
    }
    return false;
  });

  if (global.error && !global.data)
    return <Text {...tone.fg('critical')}>{errorText(global.error)}</Text>;
  const title = global.data
    ? `Cross-trace races ${global.data.potential_races}${global.data.truncated ? ` (showing ${races.length})` : ''}`
    : 'Cross-trace races (loading…)';
  return (
    <Box flexDirection="column" height={height}>
      <ListPane
        title={title}
        focused={panes.focus === 0}
        height={listHeight}
        rows={rows}
        cursor={nav.cursor}
        tones={races.map((r) => (r.severity === 'CRITICAL' ? 'critical' : 'warning'))}
        empty="no races between traces"
      />
      {race ? (
        <Box flexDirection="row" height={sideHeight}>
          {([1, 2] as const).map((side) => (
            <Pane
              key={side}
              title={`Trace ${side === 1 ? 'A' : 'B'} (Enter opens)`}
              focused={panes.focus === side}
              height={sideHeight}
              width="50%"
            >
              <FieldLines
                max={paneRows(sideHeight)}
                fields={[
                  ['trace', side === 1 ? race.trace1_id : race.trace2_id],
                  ['variable', race.variable],
                  ['location', side === 1 ? race.event1_location : race.event2_location],
                  ['thread', side === 1 ? race.event1_thread : race.event2_thread],
                  ['time', clockTime(side === 1 ? race.event1_timestamp : race.event2_timestamp)],
                  ['event', side === 1 ? race.event1_id : race.event2_id],
                  [
                    'severity',
                    race.severity,
                    race.severity === 'CRITICAL' ? 'critical' : 'warning',
                  ],
                ]}
              />
            </Pane>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
