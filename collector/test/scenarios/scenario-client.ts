import { expect, vi } from 'vitest';
import type { RacewayEvent } from '../../src/model/event.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = any;

/** GET a route and return the envelope's `data`, failing on a non-200 answer. */
export async function getData(url: string, path: string): Promise<Json> {
  const res = await fetch(`${url}${path}`);
  const body = (await res.json()) as Json;
  expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(200);
  return body.data;
}

/**
 * Posts a batch to `/events` the way an SDK does and waits until every trace serves all its events
 * (ingest is asynchronous, spec §9: poll like the reference harness).
 */
export async function postScenario(url: string, events: readonly RacewayEvent[]): Promise<void> {
  const res = await fetch(`${url}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  expect(await res.json()).toEqual({
    success: true,
    data: `Ingested ${events.length} events`,
    error: null,
  });
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.trace_id, (counts.get(e.trace_id) ?? 0) + 1);
  await vi.waitFor(
    async () => {
      for (const [traceId, count] of counts) {
        const res = await fetch(`${url}/api/traces/${traceId}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as Json;
        expect(body.data.events).toHaveLength(count);
      }
    },
    { timeout: 5_000, interval: 25 },
  );
}

/** The events of a scenario's n-th trace (in order of appearance), to send it on its own. */
export function inTrace(events: readonly RacewayEvent[], n: number): RacewayEvent[] {
  const traceId = [...new Set(events.map((e) => e.trace_id))][n];
  return events.filter((e) => e.trace_id === traceId);
}
