import { describe, expect, it } from 'vitest';
import { perSecond, span } from './format-table.js';

describe('span', () => {
  it('reads in seconds, minutes, hours or days, whichever fits', () => {
    expect(span(0.5)).toBe('0.5 s');
    expect(span(42.123)).toBe('42.12 s');
    expect(span(600)).toBe('10 min');
    expect(span(18_000)).toBe('5 h');
    // A trace list spanning a year (old timestamps from a fixture) is days, not 33476812.33 s.
    expect(span(33_476_812.33)).toBe('387.5 d');
  });
});

describe('perSecond', () => {
  it('never shows a small positive rate as 0', () => {
    expect(perSecond(0)).toBe('0');
    expect(perSecond(0.00001)).toBe('< 0.01');
    expect(perSecond(12.345)).toBe('12.35');
  });
});
