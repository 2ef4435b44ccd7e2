import type { Logger } from 'pino';
import type { FollowerStatus } from '../cluster/store-follower.js';
import type { BrokerStatus } from '../pipeline/broker/broker-buffer.js';
import type { Analyzer } from '../engine/analyzer.js';
import type { OtlpHttpHandler } from '../ingest/otlp/otlp-http-handler.js';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import type { Clock } from '../model/clock.js';
import type { EventSink } from '../pipeline/event-sink.js';
import type { LiveFeed } from '../pipeline/live-feed.js';
import type { Store } from '../store/store.js';
import type { ApiOptions } from './api-options.js';

/** Boot progress, served by `/health`, `/status` and `/readyz` (spec §3.4 `WarmupSummary`). */
export interface CollectorStatus {
  ready: boolean;
  phase: 'idle' | 'replaying' | 'completed' | 'failed';
  startedAtMs: number;
  /** When the boot replay last finished (the phase became `completed`). */
  completedAtMs?: number | undefined;
  /** Events replayed from the store into the engine at boot. */
  replay: { total: number; processed: number };
  lastError?: string | undefined;
  /** Replicas sharing one Postgres: this replica and how far behind the others it is. */
  cluster?: FollowerStatus | undefined;
  /** Queue mode: ingest answers 200 once a batch is durable in the broker, before it is queryable. */
  queue?: BrokerStatus | undefined;
}

/** Everything the HTTP layer reads or writes; built by `createApp`, the one composition root. */
export interface HttpAppDeps {
  options: ApiOptions;
  store: Store;
  analyzer: Analyzer;
  sink: EventSink;
  feed: LiveFeed;
  metrics: CollectorMetrics;
  logger: Logger;
  clock: Clock;
  /** Mounted at `POST /v1/traces` and `POST /v1/logs` when present. */
  otlp?: OtlpHttpHandler | undefined;
  status(): CollectorStatus;
  /**
   * Removes a trace from the store and the engine in order with ingest (the pipeline's lane). When absent,
   * `DELETE /api/traces/:id` calls `store.deleteTrace` and `analyzer.forget` itself.
   */
  deleteTrace?: ((traceId: string) => Promise<boolean>) | undefined;
}
