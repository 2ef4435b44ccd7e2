// Runs the memory benchmark alone: `node --import tsx bench/memory/main.ts [requests]`.
import { formatMemoryBench, runMemoryBench } from './memory-bench.js';

const batches = process.argv[2] === undefined ? 5_000 : Number(process.argv[2]);
console.log(formatMemoryBench(runMemoryBench(batches)));
