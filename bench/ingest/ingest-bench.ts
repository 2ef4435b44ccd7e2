import { cpus, loadavg } from 'node:os';
import { BatchTemplate } from './batch-template.js';
import { driveLoad } from './drive-load.js';
import type { LoadOptions, LoadResult } from './drive-load.js';

/** A receiver's load result plus the CPU its process spent per event in the measured window. */
export interface ReceiverResult extends LoadResult {
  /** Server CPU time (user + system) per accepted event, µs: robust to other load on the machine. */
  cpuUsPerEvent: number;
  /** The load generator's own CPU time per accepted event, µs (it shares the machine's cores). */
  clientCpuUsPerEvent: number;
}
import { SERVER_NODE_FLAGS } from '../collector-node-flags.js';
import { spawnServer } from './spawn-server.js';

export interface IngestBenchResult {
  date: string;
  conditions: {
    cpus: number;
    cpuModel: string;
    node: string;
    loadBefore: number[];
    load: LoadOptions;
  };
  batchBytes: number;
  collector: ReceiverResult;
  /** The same collector with the engine replaced by a trace counter: the ingest path alone. */
  ingestOnly: ReceiverResult;
  baseline: ReceiverResult;
  /** The baseline keeping as many parsed events as the collector held: the cost of keeping objects. */
  keepParsed: ReceiverResult;
  /** Events the collector held at the end of its run (its default retention), kept by `keepParsed`. */
  eventsHeld: number;
  /** collector events/s ÷ baseline events/s. */
  ratio: number;
  /** baseline CPU per event ÷ collector CPU per event (what the ratio would be with the CPU to itself). */
  cpuRatio: number;
  /**
   * CPU per event (µs) a collector may spend, on all its threads, to reach half the baseline's rate:
   * the machine's cores at that rate, less what the load generator needs per event.
   */
  halfRateBudgetUs: number;
}

/**
 * Native ingest throughput: the real collector (memory store, real engine) against a receiver that only
 * parses the JSON, both in their own process, driven the same way in the same run.
 */
export async function runIngestBench(
  load: LoadOptions = { connections: 8, warmupMs: 3_000, durationMs: 15_000 },
  log: (line: string) => void = () => {},
): Promise<IngestBenchResult> {
  const template = new BatchTemplate(100);
  const loadBefore = loadavg();
  const results: Record<'collector' | 'ingestOnly' | 'baseline' | 'keepParsed', ReceiverResult> =
    {} as never;
  let eventsHeld = 0;
  for (const [name, file, args] of [
    ['baseline', './baseline-server.ts', () => []],
    ['collector', './collector-server.ts', () => []],
    ['ingestOnly', './collector-server.ts', () => ['--no-engine']],
    ['keepParsed', './keep-parsed-server.ts', () => [String(Math.max(1, eventsHeld))]],
  ] as const) {
    log(`ingest: ${name} ...`);
    const server = await spawnServer(file, SERVER_NODE_FLAGS, args());
    try {
      let cpuStart = 0;
      let cpuUsed = 0;
      let clientStart = process.cpuUsage();
      let clientUsed = 0;
      const result = await driveLoad(server.url, template, load, {
        measureStart: async () => {
          cpuStart = await server.cpuUs();
          clientStart = process.cpuUsage();
        },
        measureEnd: async () => {
          const client = process.cpuUsage(clientStart);
          clientUsed = client.user + client.system;
          cpuUsed = (await server.cpuUs()) - cpuStart;
        },
      });
      const perEvent = (us: number) => us / Math.max(1, result.events);
      results[name] = {
        ...result,
        cpuUsPerEvent: perEvent(cpuUsed),
        clientCpuUsPerEvent: perEvent(clientUsed),
      };
      if (name === 'collector') eventsHeld = await eventsCaptured(server.url);
    } finally {
      await server.stop();
    }
    log(`ingest: ${name} ${Math.round(results[name].eventsPerSecond)} events/s`);
  }
  return {
    date: new Date().toISOString(),
    conditions: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadBefore,
      load,
    },
    batchBytes: Buffer.byteLength(template.body(0)),
    collector: results.collector,
    ingestOnly: results.ingestOnly,
    baseline: results.baseline,
    keepParsed: results.keepParsed,
    eventsHeld,
    ratio: results.collector.eventsPerSecond / results.baseline.eventsPerSecond,
    halfRateBudgetUs:
      (cpus().length * 1e6) / (results.baseline.eventsPerSecond / 2) -
      results.collector.clientCpuUsPerEvent,
    cpuRatio: results.baseline.cpuUsPerEvent / results.collector.cpuUsPerEvent,
  };
}

/** How many events the collector holds now (`GET /status`). */
async function eventsCaptured(url: string): Promise<number> {
  const answer = (await (await fetch(`${url}/status`)).json()) as {
    data: { events_captured: number };
  };
  return answer.data.events_captured;
}

export function formatIngestBench(r: IngestBenchResult): string {
  const row = (name: string, x: ReceiverResult) =>
    `| ${name} | ${Math.round(x.eventsPerSecond).toLocaleString('en')} | ${x.p50Ms.toFixed(1)} | ${x.p99Ms.toFixed(1)} | ${x.cpuUsPerEvent.toFixed(1)} | ${x.clientCpuUsPerEvent.toFixed(1)} | ${x.requests} | ${x.refused} |`;
  const c = r.conditions;
  return [
    `### Native ingest (bench/ingest), ${r.date}`,
    '',
    `${c.cpus} × ${c.cpuModel}, Node ${c.node}, load average before ${c.loadBefore.map((l) => l.toFixed(1)).join(' / ')}; ` +
      `${c.load.connections} keep-alive loopback connections, closed loop, ${c.load.warmupMs / 1000} s warm-up + ` +
      `${c.load.durationMs / 1000} s measured; 100-event batches (${(r.batchBytes / 1024).toFixed(0)} KiB) shaped like the captured TS SDK batch.`,
    '',
    '| receiver | events/s | p50 ms | p99 ms | server CPU µs/event | load generator CPU µs/event | requests | refused |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row('collector (memory store, real engine)', r.collector),
    row('collector, engine replaced by a trace counter', r.ingestOnly),
    row('parse-only baseline', r.baseline),
    row(
      `baseline keeping the parsed events (${r.eventsHeld.toLocaleString('en')}, as many as the collector held)`,
      r.keepParsed,
    ),
    '',
    `Ratio collector / baseline: **${r.ratio.toFixed(2)}** (target ≥ 0.5); collector ${Math.round(r.collector.eventsPerSecond).toLocaleString('en')} events/s (target ≥ 50,000). ` +
      `Without the engine: ratio ${(r.ingestOnly.eventsPerSecond / r.baseline.eventsPerSecond).toFixed(2)}. ` +
      `By server CPU per event (independent of other load): collector ${r.cpuRatio.toFixed(2)} × the baseline's efficiency, ` +
      `${(r.baseline.cpuUsPerEvent / r.ingestOnly.cpuUsPerEvent).toFixed(2)} without the engine; ` +
      `one core at that cost would take ${Math.round(1e6 / r.collector.cpuUsPerEvent).toLocaleString('en')} events/s. ` +
      `Keeping the parsed events and doing nothing else: ratio ${(r.keepParsed.eventsPerSecond / r.baseline.eventsPerSecond).toFixed(2)}. ` +
      `Half the baseline's rate leaves a collector ${r.halfRateBudgetUs.toFixed(1)} µs of CPU per event on all its threads ` +
      `(${c.cpus} cores at ${Math.round(r.baseline.eventsPerSecond / 2).toLocaleString('en')} events/s, less the load generator's ` +
      `${r.collector.clientCpuUsPerEvent.toFixed(1)} µs/event); it spends ${r.collector.cpuUsPerEvent.toFixed(1)}, ` +
      `${r.ingestOnly.cpuUsPerEvent.toFixed(1)} of them without the engine.`,
  ].join('\n');
}
