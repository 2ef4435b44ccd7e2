import type { Logger } from 'pino';
import type { Analyzer } from '../engine/analyzer.js';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import type { Clock } from '../model/clock.js';
import type { RetentionPolicy, Store } from '../store/store.js';
import type { LiveFeed } from './live-feed.js';

export interface PipelineLimits {
  /** Events accepted but not yet stored and analysed; beyond it, submits are refused with 429. */
  maxQueuedEvents: number;
  /** Most events handed to one `store.append` (whole submits are combined up to this). */
  maxBatchEvents: number;
  /** Suggested client wait when refusing (becomes `Retry-After`). */
  retryAfterMs: number;
}

export interface PipelineOptions {
  store: Store;
  analyzer: Analyzer;
  feed: LiveFeed;
  metrics: CollectorMetrics;
  clock: Clock;
  logger: Logger;
  limits: PipelineLimits;
  retention: RetentionPolicy;
  /** How often retention runs on a timer (age limits need it even when nothing arrives). */
  retentionIntervalMs: number;
  /** Also enforce retention after every stored batch: cheap for the memory store, keeps it bounded. */
  retentionEveryBatch: boolean;
}

export const DEFAULT_PIPELINE_LIMITS: PipelineLimits = {
  maxQueuedEvents: 200_000,
  maxBatchEvents: 5_000,
  retryAfterMs: 1_000,
};
