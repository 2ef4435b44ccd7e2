// Runs the OTLP ingest benchmark alone: `node --import tsx bench/otlp/main.ts [seconds per round] [rounds]`.
import { formatOtlpBench, runOtlpBench } from './otlp-bench.js';

const seconds = process.argv[2] === undefined ? 3 : Number(process.argv[2]);
const rounds = process.argv[3] === undefined ? 5 : Number(process.argv[3]);
const result = await runOtlpBench(
  { connections: 8, warmupMs: 2_000, durationMs: seconds * 1000, rounds },
  (line) => console.error(line),
);
console.log(formatOtlpBench(result));
