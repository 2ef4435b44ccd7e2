import { Box } from 'ink';
import type { ReactNode } from 'react';
import { paneRows } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { useKeyHandler } from '../../input/key-handler.js';
import { useListNavigation } from '../../input/use-list-navigation.js';
import { columnsHit, usePaneFocus } from '../../input/use-pane-focus.js';
import { useUi } from '../../ui-context.js';
import { clockTime, durationText } from '../../model/format-time.js';
import { lockHolds } from '../../state/lock-holds.js';
import type { TabProps } from './tab-props.js';

/** Tab 8: locks of the trace and who held each, when and for how long. */
export function LocksTab({ trace, height }: TabProps): ReactNode {
  const locks = lockHolds(trace.events);
  const lockRows = locks.map(
    (l) => `${l.lockId}  ${l.holds.length} holds · ${l.threads.length} threads`,
  );
  const listHeight = paneRows(height);
  const lockNav = useListNavigation(lockRows, listHeight);
  const lock = locks[lockNav.cursor.index];
  const holdRows = (lock?.holds ?? []).map(
    (h) =>
      `${h.thread.padEnd(10)} ${clockTime(h.acquiredAt)} ${h.heldMs === undefined ? 'still held' : `held ${durationText(h.heldMs)}`}  ${h.lockType} @ ${h.acquireLocation}`,
  );
  const holdNav = useListNavigation(holdRows, listHeight);
  const panes = usePaneFocus(2, columnsHit(useUi().size.columns, 0.4));
  useKeyHandler(
    (action) =>
      panes.handle(action) || (panes.focus === 0 ? lockNav.handle(action) : holdNav.handle(action)),
  );

  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title={`Locks ${locks.length}`}
        focused={panes.focus === 0}
        height={height}
        width="40%"
        rows={lockRows}
        cursor={lockNav.cursor}
        empty="no locks taken in this trace"
      />
      <ListPane
        title={`Holds ${lock?.lockId ?? ''}`}
        focused={panes.focus === 1}
        height={height}
        flexGrow={1}
        rows={holdRows}
        cursor={holdNav.cursor}
      />
    </Box>
  );
}
