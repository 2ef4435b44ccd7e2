/** An interval to draw on the timeline, in ms since the epoch. */
export interface TimelineItem {
  id: string;
  lane: string;
  startMs: number;
  endMs: number;
}

export interface PackedItem extends TimelineItem {
  /** Row inside the lane; overlapping items get separate rows. */
  row: number;
}

export interface TimelineLane {
  lane: string;
  rows: number;
  items: PackedItem[];
}

export interface PackedTimeline {
  lanes: TimelineLane[];
  startMs: number;
  endMs: number;
}

/**
 * Packs intervals into one lane per context and the fewest rows per lane, greedily (first row whose
 * last item ended; a parent starting with its child comes first). Zero-length events are given `minWidthMs` so that they stay visible and do not
 * overdraw each other. Lanes are sorted by name, items by start then id; the result is deterministic.
 */
export function packTimeline(items: readonly TimelineItem[], minWidthMs: number): PackedTimeline {
  const byLane = new Map<string, TimelineItem[]>();
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const item of items) {
    const list = byLane.get(item.lane);
    if (list) list.push(item);
    else byLane.set(item.lane, [item]);
    startMs = Math.min(startMs, item.startMs);
    endMs = Math.max(endMs, item.endMs, item.startMs);
  }
  const lanes = [...byLane.keys()].sort().map((lane): TimelineLane => {
    const sorted = [...(byLane.get(lane) ?? [])].sort(
      // Longer intervals first on ties, so that a parent keeps the top row above its children.
      (x, y) => x.startMs - y.startMs || y.endMs - x.endMs || x.id.localeCompare(y.id),
    );
    const rowEnds: number[] = [];
    const packed = sorted.map((item): PackedItem => {
      const visibleEnd = Math.max(item.endMs, item.startMs + minWidthMs);
      let row = rowEnds.findIndex((end) => end <= item.startMs);
      if (row === -1) row = rowEnds.length;
      rowEnds[row] = visibleEnd;
      return { ...item, row };
    });
    return { lane, rows: Math.max(1, rowEnds.length), items: packed };
  });
  if (items.length === 0) return { lanes, startMs: 0, endMs: 0 };
  return { lanes, startMs, endMs };
}
