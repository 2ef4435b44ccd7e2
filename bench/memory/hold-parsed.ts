// Child process (run with --expose-gc): the baseline, the same batches `JSON.parse`d and the newest N
// events kept in an array (N: what the collector held), nothing else.
import { BatchTemplate } from '../ingest/batch-template.js';
import { heapAfterGc, type HoldResult } from './heap.js';

const [batches, keep] = process.argv.slice(2).map(Number) as [number, number];
const template = new BatchTemplate(100);
const before = heapAfterGc();
const kept = new Array<unknown>(keep).fill(null);
let next = 0;
let wireBytes = 0;
for (let n = 0; n < batches; n++) {
  const body = template.body(n);
  if (n === 0) wireBytes = Buffer.byteLength(body) / template.events;
  for (const event of (JSON.parse(body) as { events: unknown[] }).events) {
    kept[next] = event;
    next = next + 1 === keep ? 0 : next + 1;
  }
}
const heapBytes = heapAfterGc() - before;
// Read `kept` after measuring, so nothing may collect it before.
const result: HoldResult = { heapBytes, events: kept.length, wireBytes };
process.stdout.write(`${JSON.stringify(result)}\n`);
