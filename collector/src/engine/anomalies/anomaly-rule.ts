import type { AnomalySeverity } from '../results.js';
import type { BaselineStats } from './baseline.js';

export interface Judgement {
  severity: AnomalySeverity;
  /** |actual − mean| in standard deviations; with std = 0, the %-difference / 10 (spec §4.11). */
  sigma: number;
}

/** Standard deviations an outlier must reach; under normality two-sided ≈ 0.27 % of samples. */
export const MIN_SIGMA = 3;
/** A deviation below this share of the mean is jitter, however small the spread. */
export const MIN_RELATIVE_DEVIATION = 0.2;

/**
 * The robust rule that replaces the old 1.5σ one (which flags ~13 % of normal samples, spec §10.1.10).
 * An event is anomalous when all hold, against a baseline that excludes it:
 * - the baseline has at least `minSamples` samples;
 * - its deviation reaches MIN_SIGMA standard deviations (with std = 0: %-difference / 10 as pseudo-σ, so 30 %);
 * - its deviation reaches MIN_RELATIVE_DEVIATION of the mean (a stable operation's tiny wobble is not news);
 * - it lies beyond the baseline's own tail: above its p99, or below its p1.
 * Severity by σ: ≥ 5 Critical, ≥ 4 Warning, else Minor. Against the old thresholds (1.5 / 3 / 5) this moves
 * spec §9 S8's 70 ms (σ 2.83) to no anomaly and 75 ms (σ 3.54) to Minor; 90 ms (σ 5.66) stays Critical.
 * A baseline whose mean and spread are both 0 has no scale to judge by and flags nothing.
 */
export function judgeDuration(
  actualMs: number,
  baseline: BaselineStats,
  minSamples: number,
): Judgement | undefined {
  if (baseline.count < minSamples) return undefined;
  const deviation = Math.abs(actualMs - baseline.meanMs);
  let sigma: number;
  if (baseline.stdMs > 0) sigma = deviation / baseline.stdMs;
  else if (baseline.meanMs > 0) sigma = ((deviation / baseline.meanMs) * 100) / 10;
  else return undefined;
  if (sigma < MIN_SIGMA || deviation < MIN_RELATIVE_DEVIATION * baseline.meanMs) return undefined;
  const beyondTail =
    actualMs > baseline.meanMs ? actualMs > baseline.p99Ms : actualMs < baseline.p01Ms;
  if (!beyondTail) return undefined;
  const severity: AnomalySeverity = sigma >= 5 ? 'Critical' : sigma >= 4 ? 'Warning' : 'Minor';
  return { severity, sigma };
}
