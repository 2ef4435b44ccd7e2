/** Width of the finest time cell (µs): about one request. */
const BASE_US = 50_000;
const LEVELS = 40;
/** Above this many cells per level, a query reads that level's trace list instead. */
const MAX_CELLS_PER_QUERY = 64;

/**
 * Trace windows of one variable, filed so that finding the windows that may overlap a query costs
 * about the overlapping ones. A window is filed at the level whose cell width is at least its length,
 * in at most two cells, so a 10 s trace costs as little as a 10 ms one (single-width buckets made a long
 * trace with many variables file thousands of cells per variable).
 */
export class TimeBuckets {
  private readonly cells = new Map<number, Set<string>>();
  private readonly byLevel: Array<Set<string> | undefined> = [];

  get empty(): boolean {
    return this.cells.size === 0;
  }

  add(id: string, start: number, end: number): void {
    const level = levelOf(start, end);
    (this.byLevel[level] ??= new Set()).add(id);
    for (const key of cellKeys(level, start, end)) {
      const set = this.cells.get(key);
      if (set) set.add(id);
      else this.cells.set(key, new Set([id]));
    }
  }

  delete(id: string, start: number, end: number): void {
    const level = levelOf(start, end);
    this.byLevel[level]?.delete(id);
    for (const key of cellKeys(level, start, end)) {
      const set = this.cells.get(key);
      set?.delete(id);
      if (set?.size === 0) this.cells.delete(key);
    }
  }

  /** Ids whose window may overlap [start, end] (a superset: callers check the exact windows). */
  *candidates(start: number, end: number): Iterable<string> {
    for (let level = 0; level < LEVELS; level++) {
      const ids = this.byLevel[level];
      if (!ids || ids.size === 0) continue;
      const width = BASE_US * 2 ** level;
      const from = Math.floor(start / width);
      const to = Math.floor(end / width);
      if (to - from + 1 > Math.min(MAX_CELLS_PER_QUERY, ids.size)) {
        yield* ids;
        continue;
      }
      for (let cell = from; cell <= to; cell++) yield* this.cells.get(cell * 64 + level) ?? [];
    }
  }
}

function levelOf(start: number, end: number): number {
  let level = 0;
  while (level < LEVELS - 1 && end - start > BASE_US * 2 ** level) level++;
  return level;
}

function cellKeys(level: number, start: number, end: number): number[] {
  const width = BASE_US * 2 ** level;
  const keys: number[] = [];
  for (let cell = Math.floor(start / width); cell <= Math.floor(end / width); cell++)
    keys.push(cell * 64 + level);
  return keys;
}
