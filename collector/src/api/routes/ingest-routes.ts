import type { Router } from '@koa/router';
import { parseNativeBatch } from '../../ingest/native/parse-native-batch.js';
import type { RejectedEvent } from '../../ingest/native/parse-native-batch.js';
import type { RacewayEvent } from '../../model/event.js';
import type { RefusedEvent } from '../../pipeline/event-sink.js';
import { readJsonBody } from '../body/read-json-body.js';
import { failure } from '../envelope.js';
import type { HttpAppDeps } from '../http-app-deps.js';

/**
 * `POST /events` (spec §1.1, DESIGN.md "Event model"): per-event validation, then the pipeline. The 200
 * body is exactly what old SDKs read; a partly bad batch still gets a 200 (old SDKs resend anything else
 * forever) with the rejected events listed; a batch with nothing usable is a 422.
 */
export function ingestRoutes(router: Router, deps: HttpAppDeps): void {
  router.post('/events', async (ctx) => {
    const body = await readJsonBody(ctx, deps.options.maxBodyBytes);
    const { events, rejected } = parseNativeBatch(body);
    if (rejected.length > 0) {
      deps.metrics.rejected.inc({ receiver: 'native' }, rejected.length);
      deps.logger.debug(
        { rejected: rejected.length, of: rejected.length + events.length },
        'events rejected',
      );
    }
    if (events.length === 0 && rejected.length > 0) {
      ctx.status = 422;
      ctx.body = failure(rejectionSummary(rejected, 0), { rejected });
      return;
    }
    const result = events.length === 0 ? undefined : await deps.sink.submit(events);
    // Re-sent events count as ingested: the SDK only needs to know they are stored.
    const stored = result === undefined ? 0 : result.inserted + result.duplicates;
    const refused = result?.refused ?? [];
    if (refused.length > 0) {
      // Events the sink can never take (queue mode: larger than the broker takes), told like bad ones.
      deps.metrics.rejected.inc({ receiver: 'native' }, refused.length);
      rejected.push(...refusedAt(refused, events, rejected));
      rejected.sort((a, b) => a.index - b.index);
      if (refused.length === events.length) {
        ctx.status = 422;
        ctx.body = failure(rejectionSummary(rejected, 0), { rejected });
        return;
      }
    }
    const accepted = events.length - refused.length;
    ctx.body = {
      success: true,
      data: `Ingested ${stored} events`,
      error: rejected.length === 0 ? null : rejectionSummary(rejected, accepted),
      ...(rejected.length === 0 ? {} : { rejected }),
    };
  });
}

/** Refused events at their index in the batch: the valid events keep batch order around the bad ones. */
function refusedAt(
  refused: readonly RefusedEvent[],
  events: readonly RacewayEvent[],
  rejected: readonly RejectedEvent[],
): RejectedEvent[] {
  const bad = new Set(rejected.map((r) => r.index));
  const indexOf = new Map<string, number>();
  let index = 0;
  for (const event of events) {
    while (bad.has(index)) index++;
    indexOf.set(event.id, index++);
  }
  return refused.map((r) => ({ index: indexOf.get(r.id) ?? -1, id: r.id, reason: r.reason }));
}

/** One line for the `error` string; the structured list goes in `rejected`. */
function rejectionSummary(rejected: readonly RejectedEvent[], accepted: number): string {
  const total = rejected.length + accepted;
  const shown = rejected
    .slice(0, 10)
    .map((r) => `[${r.index}] ${r.reason}`)
    .join('; ');
  const more = rejected.length > 10 ? `; and ${rejected.length - 10} more` : '';
  return `Rejected ${rejected.length} of ${total} events: ${shown}${more}`;
}
