import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RacewayEvent } from '../model/event.js';
import type { StoredEvent } from '../model/stored-event.js';
import { formatTimeUs, parseTimestamp } from '../model/time.js';

/** The TypeScript SDK batch captured for real (spec §1.7): the template of every generated trace. */
const captured = (
  JSON.parse(
    readFileSync(
      new URL('../../test/fixtures/sdk/typescript-transfer.json', import.meta.url),
      'utf8',
    ),
  ) as { events: RacewayEvent[] }
).events;

export interface RealisticBatchOptions {
  /** Events in the batch (the captured 7-event request repeated, cut at this count). */
  events: number;
  /** Start of the first event, epoch µs (default 2026-11-24T16:53:29Z, as captured). */
  startUs?: number;
  /** Services the requests are spread over (default `banking-api`). */
  services?: readonly string[];
}

/**
 * Batches shaped exactly like what the TS SDK sends: requests of 7 events (HttpRequest, FunctionCall,
 * Read, LockAcquire, Write, LockRelease, HttpResponse) chained by `parent_id`, each request its own trace
 * and context, with fresh ids, so a batch can be sent again and again without duplicates.
 */
export function realisticBatch(options: RealisticBatchOptions): RacewayEvent[] {
  const out: RacewayEvent[] = [];
  const services = options.services ?? ['banking-api'];
  let t = options.startUs ?? 1_795_625_609_000_000;
  for (let request = 0; out.length < options.events; request++) {
    const traceId = randomUUID();
    const thread = `node-6735-${traceId.slice(0, 8)}`;
    const service = services[request % services.length]!;
    let parent: string | null = null;
    for (const template of captured) {
      if (out.length >= options.events) break;
      const id = randomUUID();
      t += 137;
      out.push({
        ...template,
        id,
        trace_id: traceId,
        parent_id: parent,
        timestamp: formatTimeUs(t),
        metadata: { ...template.metadata, thread_id: thread, service_name: service },
      });
      parent = id;
    }
  }
  return out;
}

/** Events as the pipeline would store them, numbered from `firstSeq`. */
export function storedEvents(events: readonly RacewayEvent[], firstSeq = 1): StoredEvent[] {
  return events.map((event, i) => ({
    ...event,
    seq: firstSeq + i,
    time_us: parseTimestamp(event.timestamp)?.timeUs ?? 0,
  }));
}
