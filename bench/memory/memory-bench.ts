import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../collector-node-flags.js';
import type { HoldResult } from './heap.js';

export interface MemoryBenchResult {
  date: string;
  node: string;
  loadBefore: number[];
  batches: number;
  collector: HoldResult;
  parsed: HoldResult;
}

/**
 * Memory per held event: the collector at its default retention (store + engine, after the batches of
 * `batches` requests, most evicted again) against the same events kept as parsed JSON, each in its
 * own process so that heaps do not mix.
 */
export function runMemoryBench(batches = 5_000): MemoryBenchResult {
  const loadBefore = loadavg();
  const collector = hold('./hold-collector.ts', [batches]);
  const parsed = hold('./hold-parsed.ts', [batches, collector.events]);
  return {
    date: new Date().toISOString(),
    node: process.version,
    loadBefore,
    batches,
    collector,
    parsed,
  };
}

function hold(file: string, args: readonly number[]): HoldResult {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const run = spawnSync(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--expose-gc', '--import', 'tsx', path, ...args.map(String)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`${file} exited with ${run.status ?? run.signal}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as HoldResult;
}

export function formatMemoryBench(r: MemoryBenchResult): string {
  const per = (x: HoldResult) => x.heapBytes / x.events;
  const collector = per(r.collector);
  const parsed = per(r.parsed);
  const estimated = (r.collector.estimatedBytes ?? 0) / r.collector.events;
  return [
    `### Memory per held event (bench/memory), ${r.date}`,
    '',
    `Node ${r.node}, load average before ${r.loadBefore.map((l) => l.toFixed(1)).join(' / ')}; ` +
      `${r.batches.toLocaleString('en')} requests of 100 events (the ingest bench's batches), default retention; ` +
      `heap after full collections.`,
    '',
    '| holder | events held | heap bytes/event |',
    '|---|---:|---:|',
    `| collector (memory store + engine, as \`createApp\` builds it) | ${r.collector.events.toLocaleString('en')} | ${collector.toFixed(0)} |`,
    `| baseline: the same events kept as parsed JSON | ${r.parsed.events.toLocaleString('en')} | ${parsed.toFixed(0)} |`,
    `| (the event's JSON on the wire) | | ${(r.parsed.wireBytes ?? 0).toFixed(0)} |`,
    '',
    `Collector / baseline: **${(collector / parsed).toFixed(2)}**. The store's retention estimate is ` +
      `${estimated.toFixed(0)} bytes/event, ${(estimated / collector).toFixed(2)} × the collector's real heap per event ` +
      `(above 1: \`--retention-max-bytes\` errs on the safe side).`,
  ].join('\n');
}
