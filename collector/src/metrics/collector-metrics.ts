import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The collector's Prometheus metrics, one registry per app (no global default registry, so that several
 * collectors in one test process do not collide). Served at `GET /metrics`.
 */
export class CollectorMetrics {
  readonly registry = new Registry();
  /** Events stored for the first time, by receiver (`native`, `otlp`). */
  readonly accepted = new Counter({
    name: 'raceway_events_accepted_total',
    help: 'Events accepted and stored',
    labelNames: ['receiver'] as const,
    registers: [this.registry],
  });
  /** Events rejected by validation, by receiver. */
  readonly rejected = new Counter({
    name: 'raceway_events_rejected_total',
    help: 'Events rejected by validation',
    labelNames: ['receiver'] as const,
    registers: [this.registry],
  });
  readonly duplicates = new Counter({
    name: 'raceway_events_duplicate_total',
    help: 'Re-sent events ignored by id',
    registers: [this.registry],
  });
  readonly backpressured = new Counter({
    name: 'raceway_events_backpressured_total',
    help: 'Events refused with 429/503 because the pipeline was full',
    registers: [this.registry],
  });
  readonly evictedTraces = new Counter({
    name: 'raceway_traces_evicted_total',
    help: 'Traces removed by retention',
    registers: [this.registry],
  });
  readonly evictedEvents = new Counter({
    name: 'raceway_events_evicted_total',
    help: 'Events removed by retention',
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'raceway_pipeline_queue_events',
    help: 'Events waiting in the pipeline',
    registers: [this.registry],
  });
  readonly storedEvents = new Gauge({
    name: 'raceway_store_events',
    help: 'Events held by the store',
    registers: [this.registry],
  });
  readonly storedTraces = new Gauge({
    name: 'raceway_store_traces',
    help: 'Traces held by the store',
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'raceway_' });
  }
}
