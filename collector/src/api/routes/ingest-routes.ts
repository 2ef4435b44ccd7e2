import type { Router } from '@koa/router';
import { parseNativeBatch } from '../../ingest/native/parse-native-batch.js';
import type { RejectedEvent } from '../../ingest/native/parse-native-batch.js';
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
    const stored = events.length === 0 ? 0 : await submitted(deps, events);
    ctx.body = {
      success: true,
      data: `Ingested ${stored} events`,
      error: rejected.length === 0 ? null : rejectionSummary(rejected, events.length),
      ...(rejected.length === 0 ? {} : { rejected }),
    };
  });
}

async function submitted(
  deps: HttpAppDeps,
  events: Parameters<HttpAppDeps['sink']['submit']>[0],
): Promise<number> {
  const result = await deps.sink.submit(events);
  // Re-sent events count as ingested: the SDK only needs to know they are stored.
  return result.inserted + result.duplicates;
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
