import { describe, expect, it } from 'vitest';
import { anomalyLocation } from './anomaly-location.js';

describe('anomalyLocation', () => {
  it.each([
    ['bank.ts', 12, 'bank.ts:12 (transfer)'],
    ['', 0, 'transfer'],
  ])('places a call in file %j at line %i as %j', (file, line, location) => {
    const kind = { FunctionCall: { function_name: 'transfer', module: 'm', args: {}, file, line } };
    expect(anomalyLocation(kind)).toBe(location);
  });
});
