import type { ReactNode } from 'react';
import type { PaneProps } from './pane.js';
import { Pane, paneRows } from './pane.js';
import type { ScrollListProps } from './scroll-list.js';
import { ScrollList } from './scroll-list.js';

export type ListPaneProps = Omit<PaneProps, 'children'> &
  Omit<ScrollListProps, 'height' | 'active'>;

/**
 * A pane that holds only a scroll list: the list fills the pane (`paneRows(height)`) and has the keyboard
 * exactly when the pane is focused.
 */
export function ListPane({
  title,
  focused,
  height,
  width,
  flexGrow,
  ...list
}: ListPaneProps): ReactNode {
  return (
    <Pane
      title={title}
      focused={focused}
      height={height}
      {...(width === undefined ? {} : { width })}
      {...(flexGrow === undefined ? {} : { flexGrow })}
    >
      <ScrollList {...list} height={paneRows(height)} active={focused} />
    </Pane>
  );
}
