// Runs the OTLP ingest benchmark alone: `node --import tsx bench/otlp/main.ts [seconds]`.
import { formatOtlpBench, runOtlpBench } from './otlp-bench.js';

const seconds = process.argv[2] === undefined ? 10 : Number(process.argv[2]);
const result = await runOtlpBench(
  { connections: 8, warmupMs: 3_000, durationMs: seconds * 1000 },
  (line) => console.error(line),
);
console.log(formatOtlpBench(result));
