import { describe, expect, it } from 'vitest';
import { moveCursor, selectIndex, START, visibleRange } from './list-cursor.js';

describe('list cursor', () => {
  it('moves down and up one row and stops at both ends', () => {
    let c = moveCursor(START, 'up', 5, 3);
    expect(c.index).toBe(0);
    c = moveCursor(c, 'down', 5, 3);
    expect(c.index).toBe(1);
    for (let i = 0; i < 10; i++) c = moveCursor(c, 'down', 5, 3);
    expect(c.index).toBe(4);
  });

  it('jumps to the top and the bottom (g/G)', () => {
    const bottom = moveCursor(START, 'bottom', 100, 10);
    expect(bottom).toEqual({ index: 99, offset: 90 });
    expect(moveCursor(bottom, 'top', 100, 10)).toEqual({ index: 0, offset: 0 });
  });

  it('moves half a window with Ctrl-d / Ctrl-u', () => {
    const down = moveCursor(START, 'halfDown', 100, 10);
    expect(down.index).toBe(5);
    expect(moveCursor(down, 'halfUp', 100, 10).index).toBe(0);
  });

  it('scrolls only as far as needed to keep the selection visible', () => {
    let c = START;
    for (let i = 0; i < 4; i++) c = moveCursor(c, 'down', 10, 3);
    expect(c).toEqual({ index: 4, offset: 2 });
    c = moveCursor(c, 'up', 10, 3);
    expect(c).toEqual({ index: 3, offset: 2 });
    expect(visibleRange(c, 10, 3)).toEqual({ start: 2, end: 5 });
  });

  it('clamps when the list shrinks and resets on an empty list', () => {
    expect(selectIndex({ index: 8, offset: 6 }, 8, 4, 3)).toEqual({ index: 3, offset: 1 });
    expect(selectIndex({ index: 8, offset: 6 }, 8, 0, 3)).toEqual(START);
  });
});
