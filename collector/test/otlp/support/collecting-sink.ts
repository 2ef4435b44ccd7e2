import type { RacewayEvent } from '../../../src/model/event.js';
import type { EventSink, SubmitResult } from '../../../src/pipeline/event-sink.js';

/** An EventSink that keeps what it is given, or refuses with `failWith` when set. */
export class CollectingSink implements EventSink {
  readonly batches: RacewayEvent[][] = [];
  failWith: Error | undefined;

  get events(): RacewayEvent[] {
    return this.batches.flat();
  }

  submit(events: readonly RacewayEvent[]): Promise<SubmitResult> {
    if (this.failWith) return Promise.reject(this.failWith);
    const seen = new Set(this.events.map((e) => e.id));
    this.batches.push([...events]);
    const inserted = events.filter((e) => !seen.has(e.id)).length;
    return Promise.resolve({ inserted, duplicates: events.length - inserted });
  }
}
