import { decodeTraceRequest, parseTraceRequestJson } from '../../proto/src/index.js';
import { convertTraceRequest } from '../../collector/src/ingest/otlp/convert/convert-trace-request.js';
import type { OtlpEncoding, OtlpTemplate } from './otlp-template.js';

export interface ConversionStage {
  encoding: OtlpEncoding;
  /** Median spans/s of decoding alone, in this process. */
  decode: number;
  /** Median spans/s of decoding and converting to Raceway events. */
  decodeConvert: number;
  ratio: number;
}

/**
 * The receiver's own work without HTTP or a server, in one process: decode vs decode + convert, alternated
 * in short slices so that load drift affects both alike. Complements the HTTP numbers on a busy machine.
 */
export function conversionStage(
  template: OtlpTemplate,
  encoding: OtlpEncoding,
  rounds = 5,
  sliceMs = 600,
): ConversionStage {
  const bodies = Array.from({ length: 200 }, (_, i) => template.body(encoding, i));
  const decode = encoding === 'json' ? parseTraceRequestJson : decodeTraceRequest;
  const cells: Array<[keyof Omit<ConversionStage, 'encoding' | 'ratio'>, (i: number) => unknown]> =
    [
      ['decode', (i) => decode(bodies[i % bodies.length]!)],
      ['decodeConvert', (i) => convertTraceRequest(decode(bodies[i % bodies.length]!))],
    ];
  const rates: Record<'decode' | 'decodeConvert', number[]> = { decode: [], decodeConvert: [] };
  for (let round = 0; round < rounds; round++)
    for (const [name, run] of cells) {
      for (let i = 0; i < 50; i++) run(i);
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < sliceMs) run(n++);
      rates[name].push((n * template.spans) / ((performance.now() - start) / 1000));
    }
  const ratios = rates.decodeConvert.map((r, k) => r / rates.decode[k]!);
  return {
    encoding,
    decode: median(rates.decode),
    decodeConvert: median(rates.decodeConvert),
    ratio: median(ratios),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
