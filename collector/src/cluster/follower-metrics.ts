import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';

/** The follower's series, registered in the collector's `/metrics` registry. */
export class FollowerMetrics {
  readonly followedEvents: Counter;
  readonly errors: Counter;
  readonly lagSeconds: Gauge;

  constructor(registry: Registry) {
    this.followedEvents = new Counter({
      name: 'raceway_follower_events_total',
      help: 'Events other replicas stored that this replica analysed',
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'raceway_follower_errors_total',
      help: 'Failed reads of the shared store by the follower',
      registers: [registry],
    });
    this.lagSeconds = new Gauge({
      name: 'raceway_follower_lag_seconds',
      help: 'Time since this replica last analysed everything the other replicas had committed',
      registers: [registry],
    });
  }
}
