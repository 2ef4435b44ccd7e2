import { useState } from 'react';
import type { KeyAction } from './key-action.js';
import type { ListCursor } from '../state/list-cursor.js';
import { moveCursor, selectIndex, START } from '../state/list-cursor.js';
import { findMatches, nextMatch } from '../state/search-matches.js';
import { useUi } from '../ui-context.js';

export interface ListNavigation {
  cursor: ListCursor;
  query: string;
  /** Moves, `/` search and `n`/`N`; false for any other action. */
  handle(action: KeyAction): boolean;
  /** Selects a row; `count` when the list is about to change size (rows of the next render). */
  select(index: number, count?: number): void;
}

/** Cursor, search and match jumping over a list of display rows shown `height` rows at a time. */
export function useListNavigation(rows: readonly string[], height: number): ListNavigation {
  const ui = useUi();
  const [cursor, setCursor] = useState<ListCursor>(START);
  const [query, setQuery] = useState('');
  const fixed = selectIndex(cursor, cursor.index, rows.length, height);

  const jump = (text: string, from: number, direction: 1 | -1): void => {
    const target = nextMatch(findMatches(rows, text), from, direction);
    if (target === undefined) ui.flash(`no match for "${text}"`);
    else setCursor((c) => selectIndex(c, target, rows.length, height));
  };

  return {
    cursor: fixed,
    query,
    select: (index, count = rows.length) => setCursor((c) => selectIndex(c, index, count, height)),
    handle(action) {
      if (action.type === 'move') {
        setCursor((c) => moveCursor(c, action.move, rows.length, height));
        return true;
      }
      if (action.type === 'search') {
        ui.openPrompt('/', (text) => {
          setQuery(text);
          if (text) jump(text, fixed.index - 1, 1);
        });
        return true;
      }
      if (action.type === 'match') {
        if (!query) ui.flash('no search yet: press / to search');
        else jump(query, fixed.index, action.direction);
        return true;
      }
      return false;
    },
  };
}
