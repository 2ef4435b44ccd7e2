// Child process (run with --expose-gc): the collector as `createApp` builds it (memory store, real
// engine, default retention) takes realistic batches over HTTP until retention has been evicting for a
// while, then reports its heap growth, the events it holds and the store's own size estimate.
import { createApp } from '../../collector/dist/app.js';
import { BatchTemplate } from '../ingest/batch-template.js';
import { nativeCollectorConfig } from '../native-collector-config.js';
import { heapAfterGc, type HoldResult } from './heap.js';

const batches = Number(process.argv[2]);
const app = createApp(nativeCollectorConfig(), { processMetrics: false });
const { apiUrl } = await app.start();
await app.ready();
const template = new BatchTemplate(100);
const before = heapAfterGc();
for (let n = 0; n < batches; n++) {
  const answer = await fetch(`${apiUrl}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: template.body(n),
  });
  if (answer.status !== 200) throw new Error(`batch ${n} answered ${answer.status}`);
  await answer.arrayBuffer();
}
await app.pipeline.retain();
const stats = await app.store.stats();
const result: HoldResult = {
  heapBytes: heapAfterGc() - before,
  events: stats.events,
  estimatedBytes: stats.bytes,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
await app.shutdown();
