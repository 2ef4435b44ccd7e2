// Runs the native ingest benchmark alone: `node --import tsx bench/ingest/main.ts [seconds]`.
import { formatIngestBench, runIngestBench } from './ingest-bench.js';

const seconds = process.argv[2] === undefined ? 15 : Number(process.argv[2]);
const result = await runIngestBench(
  { connections: 8, warmupMs: 3_000, durationMs: seconds * 1000 },
  (line) => console.error(line),
);
console.log(formatIngestBench(result));
