import { countNoun } from '../../../collector/src/tui/model/count-noun';

export interface TraceHealthInput {
  races: number;
  anomalies: Array<{ severity: 'Minor' | 'Warning' | 'Critical' }>;
  /** Critical-path share of the trace's wall time, 0..100 (0 when unknown). */
  criticalPathPercent: number;
  contextCount: number;
}

export type HealthLabel = 'Excellent' | 'Good' | 'Warning' | 'Critical';

export interface TraceHealth {
  score: number;
  label: HealthLabel;
  issues: string[];
}

export interface TraceInsight {
  tone: 'danger' | 'warning' | 'info' | 'success';
  title: string;
  detail: string;
  /** Trace view that explains it. */
  view: 'races' | 'anomalies' | 'critical-path' | 'timeline' | 'overview';
}

/** Health score of the old dashboard (spec §6.3): 100 − 20·races − 5·anomalies − 0.5·max(0, cp% − 70). */
export function traceHealth(input: TraceHealthInput): TraceHealth {
  const excessPath = Math.max(0, input.criticalPathPercent - 70);
  const raw = 100 - 20 * input.races - 5 * input.anomalies.length - 0.5 * excessPath;
  const score = Math.round(Math.min(100, Math.max(0, raw)));
  const label: HealthLabel =
    score >= 90 ? 'Excellent' : score >= 70 ? 'Good' : score >= 50 ? 'Warning' : 'Critical';
  const issues: string[] = [];
  if (input.races > 0) issues.push(countNoun(input.races, 'race condition'));
  if (input.anomalies.length > 0)
    issues.push(countNoun(input.anomalies.length, 'performance anomaly', 'performance anomalies'));
  if (excessPath > 0)
    issues.push(`critical path covers ${input.criticalPathPercent.toFixed(0)}% of the trace`);
  return { score, label, issues };
}

/** Rule-based insight cards (spec §6.3 "Trace Insights"). */
export function traceInsights(input: TraceHealthInput): TraceInsight[] {
  const cards: TraceInsight[] = [];
  if (input.races > 0) {
    cards.push({
      tone: 'danger',
      title: 'Race conditions detected',
      detail: `${countNoun(input.races, 'pair')} of unordered conflicting accesses without a common lock.`,
      view: 'races',
    });
  }
  const critical = input.anomalies.some((a) => a.severity === 'Critical');
  if (critical) {
    cards.push({
      tone: 'danger',
      title: 'Critical performance issues',
      detail: 'At least one operation is far slower than its baseline.',
      view: 'anomalies',
    });
  } else if (input.anomalies.some((a) => a.severity === 'Warning')) {
    cards.push({
      tone: 'warning',
      title: 'Performance degradation',
      detail: 'Some operations are slower than their baseline.',
      view: 'anomalies',
    });
  }
  if (input.criticalPathPercent > 70) {
    cards.push({
      tone: 'warning',
      title: 'High critical path coverage',
      detail: `${input.criticalPathPercent.toFixed(0)}% of the wall time is one dependent chain: little parallelism.`,
      view: 'critical-path',
    });
  } else if (input.criticalPathPercent > 0 && input.criticalPathPercent < 40) {
    cards.push({
      tone: 'success',
      title: 'Good parallelization',
      detail: 'The critical path covers under 40% of the trace.',
      view: 'critical-path',
    });
  }
  if (input.contextCount > 10) {
    cards.push({
      tone: 'info',
      title: 'High context count',
      detail: `${input.contextCount} execution contexts took part.`,
      view: 'timeline',
    });
  }
  if (cards.length === 0) {
    cards.push({
      tone: 'success',
      title: 'Trace health excellent',
      detail: 'No races, anomalies or bottlenecks found.',
      view: 'overview',
    });
  }
  return cards;
}
