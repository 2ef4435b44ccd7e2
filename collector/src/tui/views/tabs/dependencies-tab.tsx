import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { ListPane } from '../../components/list-pane.js';
import { Pane, paneRows } from '../../components/pane.js';
import { ScrollList } from '../../components/scroll-list.js';
import { useKeyHandler } from '../../input/key-handler.js';
import { useListNavigation } from '../../input/use-list-navigation.js';
import { columnsHit, usePaneFocus } from '../../input/use-pane-focus.js';
import { useUi } from '../../ui-context.js';
import { durationText } from '../../model/format-time.js';
import { serviceBreakdown } from '../../state/service-breakdown.js';
import { useTone } from '../../theme.js';
import type { TabProps } from './tab-props.js';

/** Tab 6: services of the trace (distributed analysis per service) and the calls between them. */
export function DependenciesTab({ trace, height }: TabProps): ReactNode {
  const tone = useTone();
  const services = serviceBreakdown(trace);
  const calls = trace.dependencies?.dependencies ?? [];
  const rows = services.map(
    (s) =>
      `${s.service}  ${s.events} ev · ${s.threads} threads · races ${s.critical} crit/${s.warning} warn · path ${durationText(s.criticalPathMs)}`,
  );
  const callRows = calls.map((c) => `${c.from} ─[${c.call_count}]→ ${c.to}`);
  const listHeight = paneRows(height);
  const nav = useListNavigation(rows, listHeight);
  const callNav = useListNavigation(callRows, listHeight);
  const panes = usePaneFocus(2, columnsHit(useUi().size.columns, 0.6));
  useKeyHandler(
    (action) =>
      panes.handle(action) || (panes.focus === 0 ? nav.handle(action) : callNav.handle(action)),
  );

  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title={`Services ${services.length}`}
        focused={panes.focus === 0}
        height={height}
        width="60%"
        rows={rows}
        cursor={nav.cursor}
      />
      <Pane
        title={`Calls ${calls.reduce((n, c) => n + c.call_count, 0)}`}
        focused={panes.focus === 1}
        height={height}
        flexGrow={1}
      >
        {calls.length === 0 ? (
          <Text {...tone.fg('muted')}>No cross-service dependencies</Text>
        ) : (
          <ScrollList
            rows={callRows}
            cursor={callNav.cursor}
            height={listHeight}
            active={panes.focus === 1}
          />
        )}
      </Pane>
    </Box>
  );
}
