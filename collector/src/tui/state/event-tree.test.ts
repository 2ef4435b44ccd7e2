import { describe, expect, it } from 'vitest';
import { bankingRaceTrace, eventId } from '../../../test/tui/fixtures/banking-race-trace.js';
import { eventTree } from './event-tree.js';

describe('event tree', () => {
  it('nests each event under its parent, one chain per request thread', () => {
    const rows = eventTree(bankingRaceTrace.events);
    expect(rows.map((r) => [r.event.id, r.depth])).toEqual([
      [eventId(1), 0],
      [eventId(3), 1],
      [eventId(5), 2],
      [eventId(7), 3],
      [eventId(2), 0],
      [eventId(4), 1],
      [eventId(6), 2],
      [eventId(8), 3],
    ]);
  });

  it('shows events whose parent is missing or cyclic as roots instead of dropping them', () => {
    const [a, b] = bankingRaceTrace.events;
    const cyclic = [
      { ...a!, parent_id: b!.id },
      { ...b!, parent_id: a!.id },
    ];
    expect(eventTree(cyclic)).toHaveLength(2);
  });
});
