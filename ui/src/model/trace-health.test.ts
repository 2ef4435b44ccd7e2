import { describe, expect, it } from 'vitest';
import { traceHealth, traceInsights } from './trace-health';

const base = { races: 0, anomalies: [], criticalPathPercent: 50, contextCount: 2 };

describe('traceHealth', () => {
  it.each([
    { input: base, score: 100, label: 'Excellent' },
    { input: { ...base, races: 1 }, score: 80, label: 'Good' },
    { input: { ...base, races: 3 }, score: 40, label: 'Critical' },
    {
      input: { ...base, anomalies: [{ severity: 'Warning' as const }] },
      score: 95,
      label: 'Excellent',
    },
    { input: { ...base, criticalPathPercent: 90 }, score: 90, label: 'Excellent' },
    { input: { ...base, races: 9 }, score: 0, label: 'Critical' },
  ])('scores $score ($label) for $input', ({ input, score, label }) => {
    expect(traceHealth(input)).toMatchObject({ score, label });
  });

  it('names the issues that lowered the score', () => {
    expect(traceHealth({ ...base, races: 3, criticalPathPercent: 80 }).issues).toEqual([
      '3 race conditions',
      'critical path covers 80% of the trace',
    ]);
  });

  it('names one race and one anomaly in the singular', () => {
    const input = { ...base, races: 1, anomalies: [{ severity: 'Minor' as const }] };
    expect(traceHealth(input).issues).toEqual(['1 race condition', '1 performance anomaly']);
  });
});

describe('traceInsights', () => {
  it('counts one racing pair in the singular', () => {
    expect(traceInsights({ ...base, races: 1 })[0]?.detail).toBe(
      '1 pair of unordered conflicting accesses without a common lock.',
    );
  });

  it('leads with races and links to the races view', () => {
    expect(traceInsights({ ...base, races: 2 })[0]).toMatchObject({
      tone: 'danger',
      view: 'races',
    });
  });

  it('prefers "critical performance issues" over "degradation" when both severities occur', () => {
    const titles = traceInsights({
      ...base,
      anomalies: [{ severity: 'Warning' }, { severity: 'Critical' }],
    }).map((c) => c.title);
    expect(titles).toContain('Critical performance issues');
    expect(titles).not.toContain('Performance degradation');
  });

  it('praises a healthy trace when nothing else applies', () => {
    expect(traceInsights(base).map((c) => c.title)).toEqual(['Trace health excellent']);
  });
});
