import { describe, expect, it } from 'vitest';
import { resolveTheme } from './theme';

describe('resolveTheme', () => {
  it.each([
    [null, true, 'dark'],
    [null, false, 'light'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['bogus', false, 'light'],
  ] as const)('stored %s with system dark=%s gives %s', (stored, dark, theme) => {
    expect(resolveTheme(stored, dark)).toBe(theme);
  });
});
