import { describe, expect, it } from 'vitest';
import { crossTraceAuditPath } from './audit-links';

describe('crossTraceAuditPath', () => {
  it('opens the variable on its cross-trace sub-view, with the name escaped', () => {
    expect(crossTraceAuditPath('t1', 'a&b c')).toBe(
      '/traces/t1/variables?variable=a%26b%20c&mode=cross-trace',
    );
  });
});
