import { describe, expect, it } from 'vitest';
import { NO_KEY as none } from '../../testing/no-key.js';
import { keyAction } from './key-action.js';

describe('key bindings', () => {
  it.each([
    ['j', {}, { type: 'move', move: 'down' }],
    ['', { downArrow: true }, { type: 'move', move: 'down' }],
    ['k', {}, { type: 'move', move: 'up' }],
    ['g', {}, { type: 'move', move: 'top' }],
    ['G', {}, { type: 'move', move: 'bottom' }],
    ['d', { ctrl: true }, { type: 'move', move: 'halfDown' }],
    ['u', { ctrl: true }, { type: 'move', move: 'halfUp' }],
    ['h', {}, { type: 'pane', direction: -1 }],
    ['l', {}, { type: 'pane', direction: 1 }],
    ['', { tab: true }, { type: 'pane', direction: 1 }],
    ['', { tab: true, shift: true }, { type: 'pane', direction: -1 }],
    ['3', {}, { type: 'tab', index: 2 }],
    ['', { return: true }, { type: 'open' }],
    ['', { escape: true }, { type: 'back' }],
    ['/', {}, { type: 'search' }],
    ['n', {}, { type: 'match', direction: 1 }],
    ['N', {}, { type: 'match', direction: -1 }],
    ['r', {}, { type: 'refresh' }],
    ['?', {}, { type: 'help' }],
    ['q', {}, { type: 'quit' }],
    ['D', {}, { type: 'screen', screen: 'dashboard' }],
    ['t', {}, { type: 'char', char: 't' }],
  ] as const)('maps %j %j to %j', (input, key, action) => {
    expect(keyAction(input, { ...none, ...key })).toEqual(action);
  });
});
