// Runs the analysis benchmark alone: `node --import tsx bench/analysis/main.ts [maxSize] [allPairsMax]`.
import { formatAnalysisBench, runAnalysisBench } from './analysis-bench.js';

const maxSize = process.argv[2] === undefined ? 1_000_000 : Number(process.argv[2]);
const allPairsMax = process.argv[3] === undefined ? 100_000 : Number(process.argv[3]);
const result = runAnalysisBench({
  sizes: [10_000, 100_000, 1_000_000].filter((s) => s <= maxSize),
  allPairsMax,
  log: (line) => console.error(line),
});
console.log(formatAnalysisBench(result));
