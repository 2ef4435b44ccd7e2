import { useEffect, useRef } from 'react';

export interface Shortcut {
  keys: string;
  description: string;
}

/** The global shortcuts, listed by `?` (views add their own, listed in the same dialog). */
export const GLOBAL_SHORTCUTS: Shortcut[] = [
  { keys: '?', description: 'Show this list' },
  { keys: 'g t', description: 'Go to traces' },
  { keys: 'g s', description: 'Go to services' },
  { keys: 'g i', description: 'Go to system insights' },
  { keys: '/', description: 'Focus the trace search' },
  { keys: 't', description: 'Toggle dark / light theme' },
  { keys: 'j / k', description: 'Next / previous trace in the list' },
  { keys: 'Enter', description: 'Open the selected trace' },
  {
    keys: '1 … 9, 0',
    description:
      'Trace views: overview, list, tree, timeline, DAG, locks, races, variables, anomalies, critical path',
  },
  { keys: 'd', description: 'Trace debugger' },
  { keys: '[ / ]', description: 'Races view: previous / next race' },
  { keys: '← → Space Home End', description: 'Debugger and audit trail: step, play/pause, jump' },
  { keys: 'Esc', description: 'Close dialogs and the event sidebar' },
];

/** True when a key press belongs to a text field and must not trigger shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * Subscribes to key presses outside text fields. Handlers get the key, with a `g ` prefix for the
 * two-key "go to" sequences; a handler returning true consumes the key (preventDefault).
 */
export function useKeyboard(handler: (key: string, event: KeyboardEvent) => boolean | void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    let pendingG = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      let key = event.key;
      if (pendingG && Date.now() - pendingG < 1500 && key !== 'g') key = `g ${key}`;
      pendingG = event.key === 'g' ? Date.now() : 0;
      if (latest.current(key, event) === true) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
