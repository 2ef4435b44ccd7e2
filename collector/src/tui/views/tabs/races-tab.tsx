import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { RaceAccess, RaceDetail } from '../../../engine/results.js';
import { FieldLines } from '../../components/field-lines.js';
import { Pane, paneRows } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { useKeyHandler } from '../../input/key-handler.js';
import { useListNavigation } from '../../input/use-list-navigation.js';
import { stackedHit, usePaneFocus } from '../../input/use-pane-focus.js';
import { useUi } from '../../ui-context.js';
import { formatValue } from '../../model/describe-event.js';
import { clockTime } from '../../model/format-time.js';
import { useTone } from '../../theme.js';
import type { TabProps } from './tab-props.js';
import { countNoun } from '../../model/count-noun.js';

/** One line per race: severity, variable, the two sides' access and location, the group's pair count. */
export function raceRow(r: RaceDetail): string {
  return `${r.severity.padEnd(8)} ${r.variable}  ${r.first.access_type} ${r.first.location} ↔ ${r.second.access_type} ${r.second.location}  ×${r.group_count}`;
}

const SEVERITY_ORDER: Record<RaceDetail['severity'], number> = { CRITICAL: 0, WARNING: 1, INFO: 2 };

/** Tab 2: the trace's races, and the selected race's two accesses side by side. */
export function RacesTab({ trace, height }: TabProps): ReactNode {
  const tone = useTone();
  const races = [...trace.analysis.race_details].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const listHeight = Math.max(5, Math.min(races.length + 3, Math.floor(height / 3)));
  const sideHeight = height - listHeight;
  const nav = useListNavigation(races.map(raceRow), paneRows(listHeight));
  const panes = usePaneFocus(3, stackedHit(useUi().size.columns, listHeight));
  const race = races[nav.cursor.index];

  useKeyHandler((action) => panes.handle(action) || nav.handle(action));

  return (
    <Box flexDirection="column" height={height}>
      <ListPane
        title={`Races ${races.length} (${countNoun(trace.analysis.potential_races, 'racing pair')})`}
        focused={panes.focus === 0}
        height={listHeight}
        rows={races.map(raceRow)}
        cursor={nav.cursor}
        tones={races.map((r) => (r.severity === 'CRITICAL' ? 'critical' : 'warning'))}
        empty="no races in this trace"
      />
      {race ? (
        <Box flexDirection="row" height={sideHeight}>
          <Pane
            title={`First: ${race.first.access_type}`}
            focused={panes.focus === 1}
            height={sideHeight}
            width="50%"
          >
            <AccessFields
              access={race.first}
              variable={race.variable}
              rows={paneRows(sideHeight)}
            />
          </Pane>
          <Pane
            title={`Second: ${race.second.access_type}`}
            focused={panes.focus === 2}
            height={sideHeight}
            flexGrow={1}
          >
            <AccessFields
              access={race.second}
              variable={race.variable}
              rows={paneRows(sideHeight)}
            />
          </Pane>
        </Box>
      ) : (
        <Text {...tone.fg('ok')}>No race conditions in this trace.</Text>
      )}
    </Box>
  );
}

/** One side of a race, from the structured RaceAccess fields. */
export function AccessFields({
  access,
  variable,
  rows,
}: {
  access: RaceAccess;
  variable: string;
  rows: number;
}): ReactNode {
  const value =
    access.access_type === 'Read'
      ? `read ${formatValue(access.new_value)}`
      : `${formatValue(access.old_value)} → ${formatValue(access.new_value)}`;
  return (
    <FieldLines
      max={rows}
      fields={[
        ['variable', variable],
        ['access', access.access_type, access.access_type === 'Read' ? 'warning' : 'critical'],
        ['value', value],
        ['location', access.location],
        ['thread', access.thread_id],
        ['service', access.service_name],
        ['time', clockTime(access.timestamp)],
        ['locks', access.locks_held.join(', ') || 'none'],
        ['context', access.context],
        ['event', access.event_id],
      ]}
    />
  );
}
