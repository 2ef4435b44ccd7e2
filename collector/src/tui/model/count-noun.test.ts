import { describe, expect, it } from 'vitest';
import { countNoun } from './count-noun.js';

describe('countNoun', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countNoun(1, 'race')).toBe('1 race');
    expect(countNoun(0, 'race')).toBe('0 races');
    expect(countNoun(3, 'racing pair')).toBe('3 racing pairs');
    expect(countNoun(1, 'anomaly', 'anomalies')).toBe('1 anomaly');
    expect(countNoun(2, 'anomaly', 'anomalies')).toBe('2 anomalies');
  });
});
