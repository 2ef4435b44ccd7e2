import { realisticBatch } from '../../collector/src/testing/realistic-batch.js';
import { formatTimeUs, parseTimestamp } from '../../collector/src/model/time.js';

const TOKEN =
  /"([0-9a-f]{8})(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"|"(\d{4}-\d\d-\d\dT[\d:.]+Z)"|"alice(\.balance|_lock)"/g;

type Piece =
  string | { uuidTail: string } | { timeUs: number } | { account: number; suffix: string };

/** Accounts the simulated requests touch: enough that most concurrent requests do not collide. */
const ACCOUNTS = 1000;

/**
 * A realistic 100-event batch (the captured TS request, repeated; spec §1.7) as text, re-stamped cheaply
 * for every request: each UUID gets the request number as its first 8 hex digits (ids stay unique and
 * parent links stay intact) and each timestamp moves `spacingUs` per request, so the collector sees new
 * events and new traces spread over time, as from a live service, never a re-sent batch. Each simulated
 * transfer touches one of 1000 accounts (`account-N.balance`, `account-N_lock`), so concurrent requests
 * collide now and then, as in a real bank, instead of all racing on one variable.
 */
export class BatchTemplate {
  private readonly pieces: Piece[] = [];
  readonly events: number;

  constructor(
    events = 100,
    private readonly spacingUs = 2_000,
  ) {
    this.events = events;
    const text = JSON.stringify({ events: realisticBatch({ events }) });
    let last = 0;
    let accounts = 0;
    for (const m of text.matchAll(TOKEN)) {
      this.pieces.push(text.slice(last, m.index));
      if (m[2] !== undefined) this.pieces.push({ uuidTail: m[2] });
      else if (m[3] !== undefined) this.pieces.push({ timeUs: parseTimestamp(m[3])!.timeUs });
      // Read, lock, write, unlock: four mentions per simulated request.
      else this.pieces.push({ account: Math.floor(accounts++ / 4), suffix: m[4]! });
      last = m.index + m[0].length;
    }
    this.pieces.push(text.slice(last));
  }

  /** The body of request number `n` (0 ≤ n < 2^32). */
  body(n: number): string {
    const prefix = n.toString(16).padStart(8, '0');
    const shift = n * this.spacingUs;
    let out = '';
    for (const piece of this.pieces) {
      if (typeof piece === 'string') out += piece;
      else if ('uuidTail' in piece) out += `"${prefix}${piece.uuidTail}"`;
      else if ('account' in piece)
        out += `"account-${(n * 7919 + piece.account * 104_729) % ACCOUNTS}${piece.suffix}"`;
      else out += `"${formatTimeUs(piece.timeUs + shift)}"`;
    }
    return out;
  }
}
