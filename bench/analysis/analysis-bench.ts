import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { traceCausality } from '../../collector/src/causality/trace-causality.js';
import { createAnalyzer } from '../../collector/src/engine/create-analyzer.js';
import { detectRaces } from '../../collector/src/engine/races/race-detector.js';
import { allPairsRaceCount } from './all-pairs-baseline.js';
import { WORKLOADS, type Workload } from './workloads.js';

export interface AnalysisRow {
  workload: string;
  accesses: number;
  events: number;
  traces: number;
  /** CPU time of ingest in batches of 1 000 plus the queries that bring every analysis up to date. */
  analyzeMs: number;
  /** Wall time of the same (inflated when the machine is shared). */
  analyzeWallMs: number;
  accessesPerSec: number;
  races: number;
  /** Heap the analyzer retains per event, beyond the events themselves. */
  analyzerBytesPerEvent: number;
  /** Heap of the event objects themselves (what the store would hold anyway). */
  eventBytesPerEvent: number;
  /** Single-trace workloads: causality alone, the detector alone, and the all-pairs method. */
  causalityMs?: number;
  detectorMs?: number;
  allPairsMs?: number;
}

export interface AnalysisBenchResult {
  date: string;
  conditions: { node: string; cpus: number; cpuModel: string; loadBefore: number[] };
  rows: AnalysisRow[];
}

export interface AnalysisBenchOptions {
  sizes: number[];
  /** Run the all-pairs method up to this many accesses (it is quadratic on a hot variable). */
  allPairsMax: number;
  workloads?: Array<keyof typeof WORKLOADS>;
  log?: (line: string) => void;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * CPU time of this process in ms. The machine may be shared, so throughput is computed from CPU time,
 * which does not grow while other processes hold the cores; wall time is reported next to it.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function heapUsed(): number {
  for (let k = 0; k < 3; k++) gc();
  return process.memoryUsage().heapUsed;
}

function measure(workload: Workload, allPairsMax: number): AnalysisRow {
  const { events, traces } = workload;
  const withEvents = heapUsed();
  const start = performance.now();
  const startCpu = cpuMs();
  const analyzer = createAnalyzer({ skewToleranceMs: 50, anomalyMinSamples: 20 });
  for (let at = 0; at < events.length; at += 1000) analyzer.ingest(events.slice(at, at + 1000));
  let races = 0;
  for (const trace of traces) races += analyzer.traceRaces(trace).potential_races;
  if (traces.length > 1) races += analyzer.globalAnalysis(100).potential_races;
  const analyzeMs = cpuMs() - startCpu;
  const analyzeWallMs = performance.now() - start;
  const retained = heapUsed() - withEvents;
  const row: AnalysisRow = {
    workload: workload.name,
    accesses: workload.accesses,
    events: events.length,
    traces: traces.length,
    analyzeMs,
    analyzeWallMs,
    accessesPerSec: workload.accesses / (analyzeMs / 1000),
    races,
    analyzerBytesPerEvent: retained / events.length,
    eventBytesPerEvent: 0,
  };
  if (analyzer.tracesWithRaces().size < 0) throw new Error('unreachable: keeps the analyzer alive');
  if (traces.length === 1) {
    const idIndex = new Map(events.map((e, i) => [e.id, i]));
    let t = cpuMs();
    const causality = traceCausality(events, idIndex, 50_000);
    row.causalityMs = cpuMs() - t;
    t = cpuMs();
    const detected = detectRaces(events, causality);
    row.detectorMs = cpuMs() - t;
    if (workload.accesses <= allPairsMax) {
      t = cpuMs();
      const count = allPairsRaceCount(events, causality);
      row.allPairsMs = cpuMs() - t;
      if (count !== detected.total)
        throw new Error(`${workload.name}: all-pairs ${count} ≠ detector ${detected.total}`);
    }
  }
  return row;
}

export function runAnalysisBench(options: AnalysisBenchOptions): AnalysisBenchResult {
  const log = options.log ?? (() => {});
  const loadBefore = loadavg();
  const rows: AnalysisRow[] = [];
  const names = options.workloads ?? (Object.keys(WORKLOADS) as Array<keyof typeof WORKLOADS>);
  for (const name of names) {
    for (const size of options.sizes) {
      log(`analysis: ${name} ${size} ...`);
      const empty = heapUsed();
      const workload = WORKLOADS[name](size);
      const eventBytes = (heapUsed() - empty) / workload.events.length;
      const row = measure(workload, options.allPairsMax);
      row.eventBytesPerEvent = eventBytes;
      rows.push(row);
      log(`  ${JSON.stringify(row)}`);
    }
  }
  return {
    date: new Date().toISOString(),
    conditions: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadBefore,
    },
    rows,
  };
}

const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Markdown tables: throughput and memory, the all-pairs ratio, and scaling per workload. */
export function formatAnalysisBench(result: AnalysisBenchResult): string {
  const { rows, conditions } = result;
  const lines = [
    `Run ${result.date}, Node ${conditions.node}, ${conditions.cpus} × ${conditions.cpuModel}, load before ${conditions.loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
    '',
    '| workload | accesses | events | traces | analyse CPU (ms) | wall (ms) | accesses/s (CPU) | racing pairs | analyzer B/event | event objects B/event |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${fmt(r.accesses)} | ${fmt(r.events)} | ${fmt(r.traces)} | ${fmt(r.analyzeMs)} | ${fmt(r.analyzeWallMs)} | ${fmt(r.accessesPerSec)} | ${fmt(r.races)} | ${fmt(r.analyzerBytesPerEvent)} | ${fmt(r.eventBytesPerEvent)} |`,
    ),
    '',
    '| workload | accesses | causality CPU (ms) | detector CPU (ms) | all-pairs CPU (ms) | all-pairs ÷ detector | all-pairs ÷ (causality + detector) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows
      .filter((r) => r.detectorMs !== undefined)
      .map(
        (r) =>
          `| ${r.workload} | ${fmt(r.accesses)} | ${fmt(r.causalityMs)} | ${fmt(r.detectorMs, 1)} | ${fmt(r.allPairsMs)} | ${r.allPairsMs === undefined ? '—' : `${fmt(r.allPairsMs / r.detectorMs!)}×`} | ${r.allPairsMs === undefined ? '—' : `${fmt(r.allPairsMs / (r.detectorMs! + r.causalityMs!), 1)}×`} |`,
      ),
    '',
    '| workload | accesses | CPU µs per access | growth vs previous size (10× accesses) |',
    '|---|---:|---:|---:|',
    ...rows.map((r, k) => {
      const prev = rows[k - 1];
      const growth =
        prev && prev.workload === r.workload ? `${fmt(r.analyzeMs / prev.analyzeMs, 1)}×` : '—';
      return `| ${r.workload} | ${fmt(r.accesses)} | ${fmt((r.analyzeMs * 1000) / r.accesses, 2)} | ${growth} |`;
    }),
  ];
  return lines.join('\n');
}

/** Entry for `bench/run.ts`: the full analysis benchmark, printed as markdown. */
export function run(): void {
  const result = runAnalysisBench({
    sizes: [10_000, 100_000, 1_000_000],
    allPairsMax: 100_000,
    log: (line) => console.error(line),
  });
  console.log(formatAnalysisBench(result));
}
