import { paneRows } from '../components/pane.js';
import { useUi } from '../ui-context.js';
import type { KeyAction } from './key-action.js';
import { useKeyHandler } from './key-handler.js';
import type { ListNavigation } from './use-list-navigation.js';
import { useListNavigation } from './use-list-navigation.js';
import { columnsHit, usePaneFocus } from './use-pane-focus.js';

/**
 * A list pane `height` high on the left (`fraction` of the columns) beside a detail pane: the list's
 * navigation, which pane has the keyboard, and the view's key handler. Keys go to pane focus first, then to
 * the list, then to `more` (the view's own keys).
 */
export function useListBesideDetail(
  rows: readonly string[],
  height: number,
  fraction: number,
  more?: (action: KeyAction) => boolean,
): { listHeight: number; nav: ListNavigation; panes: ReturnType<typeof usePaneFocus> } {
  const listHeight = paneRows(height);
  const nav = useListNavigation(rows, listHeight);
  const panes = usePaneFocus(2, columnsHit(useUi().size.columns, fraction));
  useKeyHandler(
    (action) => panes.handle(action) || nav.handle(action) || (more?.(action) ?? false),
  );
  return { listHeight, nav, panes };
}
