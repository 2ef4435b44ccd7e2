import { Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import type { BrokerStatus } from './broker-buffer.js';

/** Queue-mode series in `/metrics`, read from the buffer's status when scraped. */
export function registerBrokerMetrics(registry: Registry, status: () => BrokerStatus): void {
  new Gauge({
    name: 'raceway_broker_connected',
    help: 'Whether the broker connection of each side (publish, consume) is up',
    labelNames: ['side'],
    registers: [registry],
    collect() {
      const now = status();
      this.set({ side: 'publish' }, now.publisher_connected ? 1 : 0);
      this.set({ side: 'consume' }, now.consumer_connected ? 1 : 0);
    },
  });
  new Gauge({
    name: 'raceway_broker_consumed_batches',
    help: 'Batches taken from the broker, stored and analysed by this replica since it started',
    registers: [registry],
    collect() {
      this.set(status().consumed_batches);
    },
  });
  new Gauge({
    name: 'raceway_broker_redelivered_batches',
    help: 'Batches the broker delivered again (a worker stopped, or the pipeline refused them)',
    registers: [registry],
    collect() {
      this.set(status().redelivered_batches);
    },
  });
}
