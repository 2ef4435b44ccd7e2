import { cpus, loadavg } from 'node:os';
import { conversionStage, median, type ConversionStage } from './conversion-stage.js';
import { driveExports, type DriveOptions, type DriveResult } from './drive-exports.js';
import { OtlpTemplate, type OtlpEncoding } from './otlp-template.js';
import { spawnBenchServer } from './spawn-process.js';

type Server = 'baseline' | 'receiver' | 'collector';

export interface OtlpBenchRow {
  encoding: OtlpEncoding;
  /** Median spans/s over the rounds. */
  spansPerSecond: Record<Server, number>;
  /** Collector p50 / p99 latency (ms) of its last round. */
  collectorLatency: { p50Ms: number; p99Ms: number };
  /** Exports refused (429/503) by the collector over all rounds. */
  refused: number;
  /** Median over rounds of collector spans/s ÷ decode-only spans/s of the same round (target ≥ 0.5). */
  ratio: number;
  /** The same for the receiver alone: the OTLP receiver's own overhead. */
  receiverRatio: number;
}

export interface OtlpBenchOptions extends DriveOptions {
  /** Rounds; each drives every server for `durationMs` in turn, so load drift hits all of them alike. */
  rounds: number;
}

export interface OtlpBenchResult {
  date: string;
  conditions: {
    cpus: number;
    cpuModel: string;
    node: string;
    loadBefore: number[];
    load: OtlpBenchOptions;
  };
  spansPerExport: number;
  exportBytes: Record<OtlpEncoding, number>;
  /** In-process decode vs decode + convert (no HTTP). */
  stages: ConversionStage[];
  rows: OtlpBenchRow[];
}

const SERVERS: ReadonlyArray<[Server, string]> = [
  ['baseline', './decode-only-server.ts'],
  ['receiver', './receiver-only-server.ts'],
  ['collector', './collector-server.ts'],
];

/**
 * OTLP/HTTP ingest throughput: the real collector (decode → convert → pipeline → memory store → engine)
 * and the OTLP receiver alone, against a server that only decodes the same exports with the same
 * decoders; each in its own process, driven the same way, interleaved round by round in the same run
 * (this machine's load moves a lot), for protobuf and for JSON.
 */
export async function runOtlpBench(
  load: OtlpBenchOptions = { connections: 8, warmupMs: 2_000, durationMs: 3_000, rounds: 5 },
  log: (line: string) => void = () => {},
): Promise<OtlpBenchResult> {
  const template = new OtlpTemplate(10);
  const loadBefore = loadavg();
  const stages = (['protobuf', 'json'] as const).map((encoding) => {
    const stage = conversionStage(template, encoding);
    log(
      `otlp ${encoding} in-process: decode ${Math.round(stage.decode)}, decode+convert ${Math.round(stage.decodeConvert)} spans/s`,
    );
    return stage;
  });
  const rows: OtlpBenchRow[] = [];
  for (const encoding of ['protobuf', 'json'] as const) {
    const servers = await Promise.all(SERVERS.map(([, file]) => spawnBenchServer(file)));
    try {
      const rates: Record<Server, number[]> = { baseline: [], receiver: [], collector: [] };
      let last: DriveResult | undefined;
      let refused = 0;
      for (let round = 0; round < load.rounds; round++) {
        for (let i = 0; i < SERVERS.length; i++) {
          const [name] = SERVERS[i]!;
          const result = await driveExports(servers[i]!.url, template, encoding, {
            ...load,
            warmupMs: round === 0 ? load.warmupMs : 500,
          });
          rates[name].push(result.spansPerSecond);
          if (name === 'collector') {
            last = result;
            refused += result.refused;
          }
          log(
            `otlp ${encoding} round ${round + 1}: ${name} ${Math.round(result.spansPerSecond)} spans/s`,
          );
        }
      }
      const ratios = (name: Server): number =>
        median(rates[name].map((r, k) => r / rates.baseline[k]!));
      rows.push({
        encoding,
        spansPerSecond: {
          baseline: median(rates.baseline),
          receiver: median(rates.receiver),
          collector: median(rates.collector),
        },
        collectorLatency: { p50Ms: last?.p50Ms ?? 0, p99Ms: last?.p99Ms ?? 0 },
        refused,
        ratio: ratios('collector'),
        receiverRatio: ratios('receiver'),
      });
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
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
    spansPerExport: template.spans,
    exportBytes: { protobuf: template.body('protobuf').length, json: template.body('json').length },
    stages,
    rows,
  };
}

/** The OTLP section of bench/RESULTS.md. */
export function formatOtlpBench(result: OtlpBenchResult): string {
  const c = result.conditions;
  const n = (v: number): string => String(Math.round(v));
  const row = (r: OtlpBenchRow): string =>
    `| ${r.encoding} | ${n(r.spansPerSecond.baseline)} | ${n(r.spansPerSecond.receiver)} (${r.receiverRatio.toFixed(2)}) | ${n(r.spansPerSecond.collector)} (${r.ratio.toFixed(2)}) | ${r.collectorLatency.p50Ms.toFixed(1)} / ${r.collectorLatency.p99Ms.toFixed(1)} | ${r.refused} |`;
  return [
    '## OTLP ingest',
    '',
    `Run ${result.date} on ${c.cpus} × ${c.cpuModel}, Node ${c.node}, load average before ${c.loadBefore.map((l) => l.toFixed(2)).join(' ')}.`,
    `${c.load.connections} keep-alive connections, closed loop; ${c.load.rounds} interleaved rounds of ${c.load.durationMs / 1000} s per server (${c.load.warmupMs / 1000} s warm-up first); medians.`,
    `Exports of ${result.spansPerExport} spans (10 traces) made by the OTel JS SDK and serializers (${result.exportBytes.protobuf} B protobuf, ${result.exportBytes.json} B JSON), with fresh trace ids and times 15 ms later in every request.`,
    '',
    "In process, no HTTP (the receiver's own work; slices alternated, medians):",
    '',
    '| encoding | decode spans/s | decode + convert spans/s | ratio |',
    '|---|---|---|---|',
    ...result.stages.map(
      (s) => `| ${s.encoding} | ${n(s.decode)} | ${n(s.decodeConvert)} | ${s.ratio.toFixed(2)} |`,
    ),
    '',
    'Over HTTP, each server in its own process:',
    '',
    '| encoding | decode-only spans/s | receiver-only spans/s (ratio) | collector spans/s (ratio) | collector p50 / p99 ms | refused |',
    '|---|---|---|---|---|---|',
    ...result.rows.map(row),
    '',
    'Decode-only: the same decoders answering an empty response. Receiver-only: the OTLP handler (decode and',
    'convert to Raceway events) with a sink that drops the events. Collector: the whole collector (decode,',
    'convert, pipeline, memory store, incremental engine), answering once the events are stored and analysed.',
    'Ratios: median over rounds of (server ÷ decode-only in the same round); target ≥ 0.5.',
    '',
  ].join('\n');
}
