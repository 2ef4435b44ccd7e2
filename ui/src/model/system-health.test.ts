import { describe, expect, it } from 'vitest';
import { systemHealthScore } from './system-health';

describe('systemHealthScore', () => {
  it('averages 100 per healthy and 50 per warning service', () => {
    expect(
      systemHealthScore([{ status: 'healthy' }, { status: 'warning' }, { status: 'critical' }]),
    ).toBe(50);
  });
  it('is 100 with no services', () => {
    expect(systemHealthScore([])).toBe(100);
  });
});
