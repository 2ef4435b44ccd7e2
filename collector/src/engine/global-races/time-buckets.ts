/** Width of the finest time cell (µs): about one request. */
const BASE_US = 50_000;
const LEVELS = 40;
/** Above this many cells per level, a query reads that level's trace list instead. */
const MAX_CELLS_PER_QUERY = 64;
/** Ids a cell keeps in an array before it switches to a Set. */
const SMALL_CELL = 8;

/**
 * Trace windows of one variable, filed so that finding the windows that may overlap a query costs
 * about the overlapping ones. A window is filed at the level whose cell width is at least its length,
 * in at most two cells, so a 10 s trace costs as little as a 10 ms one (single-width buckets made a long
 * trace with many variables file thousands of cells per variable).
 */
export class TimeBuckets {
  /**
   * Ids per cell: an exact-length array while the cell holds a few traces (a Set costs ~200 bytes
   * even with one), a Set once it is crowded (a hot variable), so filing never turns quadratic.
   */
  private readonly cells = new Map<number, string[] | Set<string>>();
  private readonly byLevel: Array<Set<string> | undefined> = [];

  get empty(): boolean {
    return this.cells.size === 0;
  }

  add(id: string, start: number, end: number): void {
    const level = levelOf(start, end);
    (this.byLevel[level] ??= new Set()).add(id);
    for (const key of cellKeys(level, start, end)) {
      const ids = this.cells.get(key);
      if (!ids) this.cells.set(key, [id]);
      else if (ids instanceof Set) ids.add(id);
      else if (ids.length >= SMALL_CELL) this.cells.set(key, new Set(ids).add(id));
      else if (!ids.includes(id)) this.cells.set(key, ids.concat(id));
    }
  }

  delete(id: string, start: number, end: number): void {
    const level = levelOf(start, end);
    this.byLevel[level]?.delete(id);
    for (const key of cellKeys(level, start, end)) {
      const ids = this.cells.get(key);
      if (ids instanceof Set) {
        ids.delete(id);
        if (ids.size === 0) this.cells.delete(key);
      } else if (ids) {
        const rest = ids.filter((other) => other !== id);
        if (rest.length === 0) this.cells.delete(key);
        else this.cells.set(key, rest);
      }
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
