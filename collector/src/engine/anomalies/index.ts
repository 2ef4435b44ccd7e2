/**
 * Anomalies plug-in (DESIGN "Analyses"). Integration, one `AnomalyDetector` per analyzer, built with
 * `{ minSamples: options.anomalyMinSamples }`:
 * - at ingest: `detector.observe(event)` for every newly accepted event (no duration → ignored); for the live
 *   stream, `detector.judge(batchEvents)` after observing the batch;
 * - on query (`Analyzer.anomalies`, the full analysis): `detector.judge(traceEvents)`; it never mutates, so
 *   every endpoint agrees and re-asking does not drift;
 * - on forget/retention: `detector.forget(traceEvents)` with the events being dropped.
 */
export { AnomalyDetector } from './anomaly-detector.js';
export type { AnomalyDetectorOptions } from './anomaly-detector.js';
export { anomalyLocation } from './anomaly-location.js';
export { judgeDuration, MIN_RELATIVE_DEVIATION, MIN_SIGMA } from './anomaly-rule.js';
export type { Judgement } from './anomaly-rule.js';
export { Baseline } from './baseline.js';
export type { BaselineStats } from './baseline.js';
export { DurationSketch } from './duration-sketch.js';
export { operationKey } from './operation-key.js';
