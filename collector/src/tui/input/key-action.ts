import type { Key } from 'ink';
import type { CursorMove } from '../state/list-cursor.js';

/** What a key press means, independent of the view it lands in. */
export type KeyAction =
  | { type: 'move'; move: CursorMove }
  | { type: 'pane'; direction: 1 | -1 }
  | { type: 'tab'; index: number }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'search' }
  | { type: 'match'; direction: 1 | -1 }
  | { type: 'refresh' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'screen'; screen: ScreenName }
  /** A mouse click at (x, y), relative to the top-left corner of the view receiving it. */
  | { type: 'click'; x: number; y: number }
  /** A key only some views use (t, f, c, space, [, ], …). */
  | { type: 'char'; char: string };

export type ScreenName = 'traces' | 'dashboard' | 'cross';

/** Maps a key press (as ink reports it) to an action: vim keys and their arrow/paging equivalents. */
export function keyAction(input: string, key: Key): KeyAction | undefined {
  if (key.ctrl && input === 'd') return { type: 'move', move: 'halfDown' };
  if (key.ctrl && input === 'u') return { type: 'move', move: 'halfUp' };
  if (key.ctrl) return undefined;
  if (key.downArrow) return { type: 'move', move: 'down' };
  if (key.upArrow) return { type: 'move', move: 'up' };
  if (key.pageDown) return { type: 'move', move: 'halfDown' };
  if (key.pageUp) return { type: 'move', move: 'halfUp' };
  if (key.home) return { type: 'move', move: 'top' };
  if (key.end) return { type: 'move', move: 'bottom' };
  if (key.leftArrow) return { type: 'pane', direction: -1 };
  if (key.rightArrow) return { type: 'pane', direction: 1 };
  if (key.tab) return { type: 'pane', direction: key.shift ? -1 : 1 };
  if (key.return) return { type: 'open' };
  if (key.escape) return { type: 'back' };
  switch (input) {
    case 'j':
      return { type: 'move', move: 'down' };
    case 'k':
      return { type: 'move', move: 'up' };
    case 'g':
      return { type: 'move', move: 'top' };
    case 'G':
      return { type: 'move', move: 'bottom' };
    case 'h':
      return { type: 'pane', direction: -1 };
    case 'l':
      return { type: 'pane', direction: 1 };
    case '/':
      return { type: 'search' };
    case 'n':
      return { type: 'match', direction: 1 };
    case 'N':
      return { type: 'match', direction: -1 };
    case 'r':
      return { type: 'refresh' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
    case 'T':
      return { type: 'screen', screen: 'traces' };
    case 'D':
      return { type: 'screen', screen: 'dashboard' };
    case 'X':
      return { type: 'screen', screen: 'cross' };
    default:
      break;
  }
  if (/^[1-9]$/.test(input)) return { type: 'tab', index: Number(input) - 1 };
  return input.length === 1 ? { type: 'char', char: input } : undefined;
}

/** Every binding, for the `?` overlay and the README. */
export const KEY_BINDINGS: ReadonlyArray<readonly [keys: string, meaning: string]> = [
  ['j k ↓ ↑', 'move down / up'],
  ['g G Home End', 'top / bottom'],
  ['Ctrl-d Ctrl-u', 'half page down / up'],
  ['h l ← → Tab', 'switch pane'],
  ['1 … 9', 'trace tabs: events, races, debugger, critical path,'],
  ['', '  anomalies, dependencies, audit trail, locks, hotspots'],
  ['Enter', 'open the selected trace / item'],
  ['Esc', 'back (closes help, prompts, the trace)'],
  ['/  n  N', 'search the list, next / previous match'],
  ['T D X', 'traces, dashboard, cross-trace races'],
  ['s  x  f  c', 'traces: cycle service, races only, id filter, clear'],
  ['t  f  c', 'events: tree/list, cycle kind filter, clear'],
  ['Space [ ]', 'debugger: play/pause, slower / faster'],
  ['mouse', 'click focuses a pane, the wheel scrolls'],
  ['r', 'refresh now'],
  ['?', 'this help'],
  ['q', 'quit'],
];
