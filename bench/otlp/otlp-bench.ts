import { cpus, loadavg } from 'node:os';
import { driveExports, type DriveOptions, type DriveResult } from './drive-exports.js';
import { OtlpTemplate, type OtlpEncoding } from './otlp-template.js';
import { spawnBenchServer } from './spawn-process.js';

export interface OtlpBenchRow {
  encoding: OtlpEncoding;
  baseline: DriveResult;
  receiver: DriveResult;
  collector: DriveResult;
  /** collector spans/s ÷ decode-only spans/s (target ≥ 0.5). */
  ratio: number;
  /** receiver-only spans/s ÷ decode-only spans/s: the OTLP receiver's own overhead. */
  receiverRatio: number;
}

export interface OtlpBenchResult {
  date: string;
  conditions: {
    cpus: number;
    cpuModel: string;
    node: string;
    loadBefore: number[];
    load: DriveOptions;
  };
  spansPerExport: number;
  exportBytes: Record<OtlpEncoding, number>;
  rows: OtlpBenchRow[];
}

/**
 * OTLP/HTTP ingest throughput: the real collector (decode → convert → pipeline → memory store → engine)
 * against a server that only decodes the same exports with the same decoders, each in its own process,
 * driven the same way in the same run, for protobuf and for JSON.
 */
export async function runOtlpBench(
  load: DriveOptions = { connections: 8, warmupMs: 3_000, durationMs: 10_000 },
  log: (line: string) => void = () => {},
): Promise<OtlpBenchResult> {
  const template = new OtlpTemplate(10);
  const loadBefore = loadavg();
  const rows: OtlpBenchRow[] = [];
  for (const encoding of ['protobuf', 'json'] as const) {
    const results = {} as Record<'baseline' | 'receiver' | 'collector', DriveResult>;
    for (const [name, file] of [
      ['baseline', './decode-only-server.ts'],
      ['receiver', './receiver-only-server.ts'],
      ['collector', './collector-server.ts'],
    ] as const) {
      log(`otlp ${encoding}: ${name} ...`);
      const server = await spawnBenchServer(file);
      try {
        results[name] = await driveExports(server.url, template, encoding, load);
      } finally {
        await server.stop();
      }
      log(`otlp ${encoding}: ${name} ${Math.round(results[name].spansPerSecond)} spans/s`);
    }
    rows.push({
      encoding,
      ...results,
      ratio: results.collector.spansPerSecond / results.baseline.spansPerSecond,
      receiverRatio: results.receiver.spansPerSecond / results.baseline.spansPerSecond,
    });
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
    rows,
  };
}

/** The OTLP section of bench/RESULTS.md. */
export function formatOtlpBench(result: OtlpBenchResult): string {
  const c = result.conditions;
  const row = (r: OtlpBenchRow): string =>
    `| ${r.encoding} | ${Math.round(r.baseline.spansPerSecond)} | ${Math.round(r.receiver.spansPerSecond)} (${r.receiverRatio.toFixed(2)}) | ${Math.round(r.collector.spansPerSecond)} (${r.ratio.toFixed(2)}) | ${r.collector.p50Ms.toFixed(1)} / ${r.collector.p99Ms.toFixed(1)} | ${r.collector.refused} |`;
  return [
    '## OTLP ingest',
    '',
    `Run ${result.date} on ${c.cpus} × ${c.cpuModel}, Node ${c.node}, load average before ${c.loadBefore.map((l) => l.toFixed(2)).join(' ')}.`,
    `${c.load.connections} keep-alive connections, closed loop, ${c.load.warmupMs / 1000} s warm-up, ${c.load.durationMs / 1000} s measured per cell.`,
    `Exports of ${result.spansPerExport} spans made by the OTel JS SDK and serializers (${result.exportBytes.protobuf} B protobuf, ${result.exportBytes.json} B JSON), fresh trace ids in every request.`,
    '',
    '| encoding | decode-only spans/s | receiver-only spans/s (ratio) | collector spans/s (ratio) | collector p50 / p99 ms | refused |',
    '|---|---|---|---|---|---|',
    ...result.rows.map(row),
    '',
    'Decode-only: the same decoders answering an empty response. Receiver-only: the OTLP handler (decode and',
    'convert to Raceway events) with a sink that drops the events. Collector: the whole collector (decode,',
    'convert, pipeline, memory store, incremental engine), answering once the events are stored and analysed.',
    'Ratios are against decode-only in the same run (target ≥ 0.5).',
    '',
  ].join('\n');
}
