import { describe, expect, it } from 'vitest';
import { packTimeline } from './timeline-packing';

describe('packTimeline', () => {
  it('gives each context its own lane, sorted by name', () => {
    const packed = packTimeline(
      [
        { id: 'b1', lane: 'worker-2', startMs: 5, endMs: 6 },
        { id: 'a1', lane: 'worker-1', startMs: 0, endMs: 10 },
      ],
      0,
    );
    expect(packed.lanes.map((l) => l.lane)).toEqual(['worker-1', 'worker-2']);
    expect(packed).toMatchObject({ startMs: 0, endMs: 10 });
  });

  it('stacks overlapping intervals of one context in extra rows and reuses freed rows', () => {
    const packed = packTimeline(
      [
        { id: 'parent', lane: 'main', startMs: 0, endMs: 10 },
        { id: 'child', lane: 'main', startMs: 2, endMs: 4 },
        { id: 'later', lane: 'main', startMs: 11, endMs: 12 },
      ],
      0,
    );
    const rows = Object.fromEntries(packed.lanes[0]?.items.map((i) => [i.id, i.row]) ?? []);
    expect(rows).toEqual({ parent: 0, child: 1, later: 0 });
    expect(packed.lanes[0]?.rows).toBe(2);
  });

  it('keeps a parent above a child that starts at the same instant', () => {
    const packed = packTimeline(
      [
        { id: 'a-child', lane: 'main', startMs: 0, endMs: 1 },
        { id: 'z-parent', lane: 'main', startMs: 0, endMs: 10 },
      ],
      0,
    );
    expect(packed.lanes[0]?.items.map((i) => [i.id, i.row])).toEqual([
      ['z-parent', 0],
      ['a-child', 1],
    ]);
  });

  it('gives instant events a minimum width so that two at nearly the same time do not overdraw', () => {
    const packed = packTimeline(
      [
        { id: 'x', lane: 'main', startMs: 0, endMs: 0 },
        { id: 'y', lane: 'main', startMs: 1, endMs: 1 },
      ],
      2,
    );
    expect(packed.lanes[0]?.items.map((i) => i.row)).toEqual([0, 1]);
  });

  it('returns an empty timeline for no events', () => {
    expect(packTimeline([], 1)).toEqual({ lanes: [], startMs: 0, endMs: 0 });
  });
});
