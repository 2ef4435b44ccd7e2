/** What a holding process reports: its heap growth and the events it holds. */
export interface HoldResult {
  /** Heap used after full collections, less the same before the first batch. */
  heapBytes: number;
  events: number;
  /** The memory store's own estimate (what `--retention-max-bytes` is compared with). */
  estimatedBytes?: number;
  /** Size of one event on the wire (the batch's JSON text divided by its events). */
  wireBytes?: number;
}

/** Heap in use once garbage is gone: needs `--expose-gc`; collects twice (weak callbacks, then the rest). */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
